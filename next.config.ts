import type { NextConfig } from "next";
import { GLOBAL_HEADERS, STRICT_TRANSPORT_SECURITY } from "./lib/http/security-headers";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

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
      // Only headers no route varies (see GLOBAL_HEADERS): a rule here replaces
      // a route's own header of the same name. Page CSP is set by proxy.ts.
      { source: "/:path*", headers: GLOBAL_HEADERS },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: ".*https.*" }],
        headers: [{ key: "Strict-Transport-Security", value: STRICT_TRANSPORT_SECURITY }],
      },
    ];
  },
  experimental: {
    // Server actions buffer their whole body, for anyone who posts: keep it small.
    // Uploads go to route handlers that stream with a byte cap (lib/http/parse-multipart.ts).
    serverActions: { bodySizeLimit: "1mb" },
    // proxy.ts runs before every page and buffers each server action's body up
    // to this limit: keep it equal to the server-action limit above. Upload
    // routes are outside the proxy's matcher (see proxy.ts).
    proxyClientMaxBodySize: "1mb",
  },
};

export default withNextIntl(nextConfig);
