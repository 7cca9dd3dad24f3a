/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several checkouts' test runs can share one working tree: each may build into its own folder.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
  // Native and driver packages are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg', 'bcryptjs', 'pino'],
  // A self-contained server folder for the container image (scripts/assemble-standalone.mjs).
  output: 'standalone',
  poweredByHeader: false,
  // `next dev` serves its own resources only to listed origins; tests and scripts use 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
  typedRoutes: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
