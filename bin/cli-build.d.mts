// Types of bin/cli-build.mjs (plain JavaScript, see there) for the TypeScript that imports it.
export declare const OUT_DIR: string;
export declare function freshCliEntry(root: string): string | undefined;
export declare const WORKERS: Record<string, string>;
export declare function freshWorker(root: string, name: string): { file: string; reason?: undefined } | { file?: undefined; reason: string };
export declare function freshStepWorker(root: string): { file: string; reason?: undefined } | { file?: undefined; reason: string };
export declare function buildCli(root: string): Promise<{ entry: string; seconds: number; files: number }>;
export declare function cliBuildOptions(root: string, outdir: string): import('esbuild').BuildOptions & { metafile: true };
export declare const BROWSER_SCRIPTS: Record<string, string>;
export declare function freshBrowserScript(root: string, name: string): { file: string; reason?: undefined } | { file?: undefined; reason: string };
export declare function browserBuildOptions(root: string, outdir: string): import('esbuild').BuildOptions & { metafile: true };
