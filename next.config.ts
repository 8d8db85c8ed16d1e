import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets parallel work trees/test runs keep separate builds (default .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
  ],
  async headers() {
    return [
      {
        // No page of the desk may be framed (clickjacking); no referrer leaks tokens.
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
        ],
      },
    ];
  },
  experimental: {
    // Server actions buffer their whole body, for anyone who posts: keep it small.
    // Uploads go to route handlers that stream with a byte cap (lib/http/parse-multipart.ts).
    serverActions: { bodySizeLimit: "1mb" },
  },
};

export default nextConfig;
