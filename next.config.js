/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and worker-thread packages must load from node_modules at run time, not from the bundle.
  // TF.js too: its backends register themselves in a process-wide registry on import, and the
  // server components and the API routes are separate bundles; loaded from node_modules, both
  // share one instance instead of registering every kernel twice. esbuild bundles the browser code
  // sandbox's type stripper when its frame is first served (server/sandbox/browser-frame.ts).
  serverExternalPackages: ['better-sqlite3', 'piscina', 'tsx', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'playwright-core', 'esbuild'],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the one type gate; building twice costs minutes
  // Lets two dev servers share one checkout (each with its own build folder); `.next` otherwise.
  distDir: process.env.PIPEWORKS_DIST_DIR || '.next',
  // No response may be framed (clickjacking): CSP frame-ancestors, and X-Frame-Options for old
  // browsers. Pages get a strict policy with a per-request script nonce from proxy.ts
  // (server/http/csp.ts), which replaces this one; every other response gets this base. The one
  // exception is the code sandbox's frame (app/sandbox/frame): the app frames it, so it sets its
  // own stricter policy with frame-ancestors 'self', and is left out here.
  async headers() {
    const csp = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"].join('; ');
    return [
      {
        source: '/:path((?!sandbox/frame$).*)',
        headers: [
          { key: 'Content-Security-Policy', value: csp },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
