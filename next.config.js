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
};

export default nextConfig;
