/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and worker-thread packages must load from node_modules at run time, not from the bundle.
  serverExternalPackages: ['better-sqlite3', 'piscina', 'tsx'],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` is the one type gate; building twice costs minutes
  // Lets two dev servers share one checkout (each with its own build folder); `.next` otherwise.
  distDir: process.env.PIPEWORKS_DIST_DIR || '.next',
};

export default nextConfig;
