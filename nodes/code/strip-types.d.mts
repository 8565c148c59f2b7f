/** The JavaScript of a TypeScript function expression, types stripped, lines kept (see strip-types.mjs). */
export function stripTypes(code: string): string;
