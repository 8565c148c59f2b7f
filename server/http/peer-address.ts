// Next gives route handlers no socket, and passes a client's own X-Forwarded-For through, so the
// address a connection really comes from is lost. This stamps it on every request as the server
// receives it, replacing any header of that name a client sent. Node publishes each request on
// this diagnostics channel synchronously, before any 'request' listener (Next's) sees it.
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_ADDRESS_HEADER } from '../auth/sign-in-limits';

const key = Symbol.for('pipeworks.peerAddressStamp');
const holder = globalThis as unknown as { [key]?: true };

export function stampPeerAddresses(): void {
  if (holder[key]) return;
  holder[key] = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_ADDRESS_HEADER] = socket.remoteAddress ?? '';
  });
}
