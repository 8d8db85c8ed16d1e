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
  experimental: {
    // The request form and follow-ups carry attachments (5 × 10 MB by default).
    serverActions: { bodySizeLimit: "60mb" },
  },
};

export default nextConfig;
