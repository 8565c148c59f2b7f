// The reference for the serve benchmark: a bare node:http server in its own process that reads the
// body and answers a constant JSON body of the same size as the real answer.
import { createServer } from 'node:http';

const body = process.env.BARE_BODY ?? '{"ok":true}';
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
server.listen(Number(process.env.BARE_PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
