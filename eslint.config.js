// Lint holds the import direction: app → components → nodes → engine, app → server → nodes → engine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeOnly = ['node:*', 'fs', 'fs/*', 'path', 'crypto', 'os', 'child_process', 'worker_threads', 'better-sqlite3', 'piscina', 'drizzle-orm', 'drizzle-orm/*'];
const uiOnly = ['react', 'react-dom', 'react/*', 'next', 'next/*', '@xyflow/*', '@tanstack/*', '@trpc/*'];
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'server/db/migrations/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.tsx', 'components/**/*.ts', 'app/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['engine/**/*.ts'],
    ignores: ['engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern([...nodeOnly, ...uiOnly], 'engine/ is pure and isomorphic: no React, Next, Node-only modules or databases.'),
        pattern(['**/server/**', '**/nodes/**', '**/components/**', '**/app/**'], 'engine/ imports nothing from the layers above it.'),
      ] }],
    },
  },
  {
    files: ['nodes/**/*.ts'],
    ignores: ['nodes/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern([...nodeOnly, ...uiOnly], 'nodes/ run in the browser and in Node: no React, Next, Node-only modules or databases.'),
        pattern(['**/server/**', '**/components/**', '**/app/**'], 'nodes/ import only engine/.'),
      ] }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      // The TypeScript variant can let `import type` through: the router's type is the one thing
      // client code may take from server/, and it never reaches the bundle.
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [
        { group: ['**/server/**'], allowTypeImports: true, message: 'Client code never imports server/ code; talk to the server through tRPC.' },
        { group: nodeOnly, message: 'Client code never imports Node-only modules.' },
        { group: ['**/app/**'], message: 'components/ do not import routes.' },
      ] }],
    },
  },
  {
    // Store functions are awaited (server/db/any-db.ts): a query or promise left unawaited is a
    // lost write or an unhandled rejection, so server code may not drop or misuse one.
    files: ['server/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { checkThenables: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['**/components/**', '**/app/**', 'react', 'react-dom', 'next/navigation', '@xyflow/*'], 'server/ never imports UI code.'),
        // The CLI loads server/ under tsx, whose ESM resolver reads 'x.node' as a native addon.
        { regex: '\\.node$', message: "Import a node file by its .ts path ('…/x.node.ts'): tsx takes '.node' for a native addon and the CLI fails to load." },
      ] }],
    },
  },
);
