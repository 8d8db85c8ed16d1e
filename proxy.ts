// Runs before every page (not before /api/*, downloads or static files, see
// `config` below): refuses cross-site POSTs and sets the page's strict
// Content-Security-Policy with a fresh nonce. Next reads the nonce from the
// request's CSP header and puts it on its own scripts; `x-nonce` carries it
// to our code. Every page must render per request (root layout), or its
// scripts would carry no nonce and be blocked.
import { NextResponse, type NextRequest } from "next/server";
import {
  PAGE_HEADERS,
  createNonce,
  isCrossOriginPost,
  pageContentSecurityPolicy,
} from "@/lib/http/security-headers";

export function proxy(request: NextRequest) {
  if (isCrossOriginPost(request.method, request.headers)) {
    return new NextResponse("Cross-site request refused.\n", {
      status: 403,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const nonce = createNonce();
  const policy = pageContentSecurityPolicy({
    nonce,
    development: process.env.NODE_ENV === "development",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const { key, value } of PAGE_HEADERS) response.headers.set(key, value);
  return response;
}

export const config = {
  // Pages only. Left out: /api/* and the upload routes (/request/submit,
  // /tickets/*/follow-up, /agent/tickets/*/reply; they check the cross-site Origin themselves): the proxy would buffer
  // their bodies, 10 MB at most, and cut larger ones; JSON needs no page CSP),
  // Next's static files, and route handlers that serve their own content with
  // their own policy (attachment downloads for customers and agents, an
  // article's mail HTML for the zoom's frame). A new route handler outside
  // /api/ that takes uploads or sets its own CSP must be added here
  // (CONTRIBUTING.md, "Security headers").
  matcher: [
    "/((?!api/|api$|_next/|favicon\\.ico$|robots\\.txt$|request/submit$|tickets/[^/]+/attachments/|tickets/[^/]+/follow-up$|agent/tickets/[^/]+/reply$|agent/tickets/[^/]+/attachments/|agent/tickets/[^/]+/articles/[^/]+/html$|agent/tickets/[^/]+/articles/[^/]+/html/images$).*)",
  ],
};
