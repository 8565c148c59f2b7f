// Reading bodies under a size limit and writing JSON answers, on plain node:http.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ServeError } from './serve-error';

/** The whole body, refused with 413 as soon as it passes `limit` bytes (or says it will). */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => readBodyThen(req, limit, (error, body) => (error ? reject(error) : resolve(body!))));
}

/**
 * readBody with a callback, called once: the scoring routes answer in the turn the body's end
 * arrives, with no promise and no microtask between (each was measurable per request).
 */
export function readBodyThen(req: IncomingMessage, limit: number, done: (error: ServeError | null, body: Buffer | null) => void): void {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    done(tooLarge(limit), null);
    return;
  }
  let first: Buffer | null = null;
  let chunks: Buffer[] | null = null;
  let size = 0;
  let finished = false;
  req.on('data', (chunk: Buffer) => {
    if (finished) return;
    size += chunk.length;
    if (size > limit) {
      finished = true;
      // Keep draining so the 413 can still be written on this connection.
      done(tooLarge(limit), null);
      return;
    }
    if (first === null) first = chunk;
    else (chunks ??= [first]).push(chunk);
  });
  req.on('end', () => {
    if (finished) return;
    finished = true;
    done(null, chunks ? Buffer.concat(chunks, size) : (first ?? Buffer.alloc(0)));
  });
  req.on('error', (error) => {
    if (finished) return;
    finished = true;
    done(new ServeError(400, `The request body could not be read: ${error.message}`), null);
  });
}

function tooLarge(limit: number): ServeError {
  return new ServeError(413, `Request body too large: this endpoint accepts at most ${limit} bytes`);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/** An answer already written as JSON text (the V2 inference answer, v2-answer.ts). */
export function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, ['content-type', 'application/json', 'content-length', String(Buffer.byteLength(text))]);
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType: string): void {
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Parses a JSON body; a body that is not JSON is a 400 saying where it broke. Python's json module
 * writes NaN and Infinity as bare tokens: those are read as the strings "NaN" / "Infinity", so
 * validation can refuse them naming the column and row instead of a parse position.
 */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) throw new ServeError(400, 'The request body is empty; send a JSON object');
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (error) {
    const quoted = quoteNonFinite(text);
    if (quoted !== text) {
      try {
        return JSON.parse(quoted);
      } catch {
        // fall through to the original error
      }
    }
    throw new ServeError(400, `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Wraps bare NaN, Infinity and -Infinity tokens (outside strings) in quotes. */
export function quoteNonFinite(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    const token = /^-?(NaN|Infinity)/.exec(text.slice(i, i + 9));
    if (token && !/[A-Za-z0-9_]/.test(text[i - 1] ?? '')) {
      out += `"${token[0]}"`;
      i += token[0].length - 1;
      continue;
    }
    out += c;
  }
  return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
