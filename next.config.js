/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and worker-thread packages must load from node_modules at run time, not from the bundle.
  // TF.js too: its backends register themselves in a process-wide registry on import, and the
  // server components and the API routes are separate bundles; loaded from node_modules, both
  // share one instance instead of registering every kernel twice.
  serverExternalPackages: ['better-sqlite3', 'piscina', 'tsx', '@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm'],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the one type gate; building twice costs minutes
  // Lets two dev servers share one checkout (each with its own build folder); `.next` otherwise.
  distDir: process.env.PIPEWORKS_DIST_DIR || '.next',
  // No page may be framed (clickjacking): CSP frame-ancestors, and X-Frame-Options for old browsers.
  // The policy restricts only what the app never needs (frames, plugins, foreign form targets and
  // base URLs); script-src stays open because Next's App Router streams inline scripts, which a
  // strict policy could admit only with a per-request nonce on every (then uncacheable) page.
  async headers() {
    const csp = ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"].join('; ');
    return [
      {
        source: '/:path*',
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
