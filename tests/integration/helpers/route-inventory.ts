// What the server answers on, listed from the code itself: tRPC procedures from the app router,
// route handlers and pages from the app directory. Security tests walk these lists, so a new
// procedure, route or page is covered the day it is added, with no hand-kept list to forget.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { appRouter } from '../../../server/api/root';

export interface Procedure {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
}

export interface HttpRoute {
  /** e.g. app/api/artifacts/[id]/route.ts */
  file: string;
  /** The URL pattern, dynamic segments kept: /api/artifacts/[id] */
  pattern: string;
  methods: string[];
  /** Names of the dynamic segments, in order; a catch-all is marked with '...'. */
  params: string[];
}

export function procedures(): Procedure[] {
  const all = (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: Procedure['type'] } }> } })._def.procedures;
  return Object.entries(all)
    .map(([p, proc]) => ({ path: p, type: proc._def.type }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

const APP = path.join(process.cwd(), 'app');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function urlPattern(file: string): { pattern: string; params: string[] } {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  const params = segments.filter((s) => s.startsWith('[')).map((s) => s.replace(/^\[+|\]+$/g, ''));
  return { pattern: '/' + segments.join('/'), params };
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+([A-Z]+)\s*\(/g)) found.add(m[1]);
  for (const m of source.matchAll(/export\s+(?:const|let)\s+([A-Z]+)\s*=/g)) found.add(m[1]);
  for (const block of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const item of block[1].split(',')) {
      const name = item.trim().split(/\s+as\s+/).pop()?.trim();
      if (name) found.add(name);
    }
  }
  return [...found].filter((m) => METHODS.includes(m)).sort();
}

export function httpRoutes(): HttpRoute[] {
  return walk(APP)
    .filter((f) => /[\\/]route\.(ts|js)$/.test(f))
    .map((f) => ({ file: path.relative(process.cwd(), f), ...urlPattern(f), methods: exportedMethods(readFileSync(f, 'utf8')) }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export function pages(): { file: string; pattern: string; params: string[] }[] {
  return walk(APP)
    .filter((f) => /[\\/]page\.(tsx|ts|jsx|js)$/.test(f))
    .map((f) => ({ file: path.relative(process.cwd(), f), ...urlPattern(f) }))
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The pattern with each dynamic segment replaced by `fill(name)` (a catch-all's value may hold slashes). */
export function fillPattern(pattern: string, fill: (param: string) => string): string {
  return pattern.replace(/\[+([^\]]+)\]+/g, (_, name: string) => fill(name));
}
