// TypeScript code nodes: the types are stripped (sucrase), nothing else is changed, so the code
// runs as the JavaScript it already is and every line keeps its number for error messages. Plain
// JavaScript so that the server's sandbox child (no tsx) and the browser load this one file: the
// transpile happens inside the sandbox, never in the web server, and the same way in both.
import { transform } from 'sucrase';

/**
 * The JavaScript of a TypeScript function expression. Throws sucrase's SyntaxError (its message
 * names the line and column) when the code does not parse.
 */
export function stripTypes(code) {
  // The code is one expression; parenthesised so that a leading `<T>(x: T) => …` or an object
  // literal parses as an expression, then unwrapped again.
  const out = transform(`(${code}\n)`, { transforms: ['typescript'], disableESTransforms: true, keepUnusedImports: true }).code;
  return out.slice(1, out.lastIndexOf(')')).replace(/\n$/, '');
}
