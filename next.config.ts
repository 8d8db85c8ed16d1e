import type { NextConfig } from "next";
import { GLOBAL_HEADERS, STRICT_TRANSPORT_SECURITY } from "./lib/http/security-headers";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

// Server actions carry the portal's attachments: room for all of them at their
// limit (PORTAL_MAX_ATTACHMENTS × PORTAL_ATTACHMENT_MAX_BYTES) plus the form, 60 MB at least.
function serverActionBodyLimit(): `${number}mb` {
  const count = Number(process.env.PORTAL_MAX_ATTACHMENTS || 5);
  const bytes = Number(process.env.PORTAL_ATTACHMENT_MAX_BYTES || 10 * 1024 * 1024);
  const needed = Math.ceil((count * bytes) / 1024 / 1024) + 10;
  return `${Math.max(60, needed)}mb`;
}

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
    serverActions: { bodySizeLimit: serverActionBodyLimit() },
    // proxy.ts runs before every page, so it buffers every server action's
    // body, and cuts it past this limit (10 MB by default): keep it equal to
    // the server-action limit above.
    proxyClientMaxBodySize: serverActionBodyLimit(),
  },
};

export default withNextIntl(nextConfig);
