// The desk's response headers for pages (set per request by proxy.ts) and for
// every response (next.config.ts). Routes that serve their own content keep
// their own policy: see "Security headers" in CONTRIBUTING.md.

/**
 * Headers next.config.ts sets on every response. Next lets such a rule REPLACE
 * a route's own header of the same name, so only headers that no route may
 * vary belong here (nosniff has no other value); CSP and X-Frame-Options are
 * per response: proxy.ts for pages, each route handler for itself.
 */
export const GLOBAL_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // No referrer leaks tokens in URLs (access links) to other sites.
  { key: "Referrer-Policy", value: "same-origin" },
  // Only features the browsers know: Chromium warns on every page about one it does not
  // ("bluetooth" is not a policy-controlled feature there; e2e/security/csp.spec.ts).
  {
    key: "Permissions-Policy",
    value:
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), " +
      "hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), display-capture=(), " +
      "browsing-topics=()",
  },
];

/** Headers proxy.ts sets on every page, besides its Content-Security-Policy. */
export const PAGE_HEADERS: { key: string; value: string }[] = [
  // Older browsers without CSP frame-ancestors: no page may be framed (clickjacking).
  { key: "X-Frame-Options", value: "DENY" },
];

/** HSTS for two years, sent only on responses to HTTPS requests (browsers ignore it over HTTP). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/**
 * A fresh CSP nonce: 16 random bytes, base64 (128 bits, as CSP Level 3
 * recommends at least). One per page response; never reuse one.
 */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The Content-Security-Policy of every page. Scripts run only with this
 * response's nonce, and scripts those load ('strict-dynamic': Next's chunks);
 * no inline handlers, no eval — except under `next dev`, whose hot reload needs
 * eval (`development`). Styles allow 'unsafe-inline': React `style` props,
 * Next's built-in error pages and route announcer use inline styles without a
 * nonce, and styles cannot run script; img/font/connect stay 'self', so
 * injected CSS cannot send data elsewhere.
 */
export function pageContentSecurityPolicy(options: { nonce: string; development: boolean }) {
  const script = [`'nonce-${options.nonce}'`, "'strict-dynamic'"];
  if (options.development) script.push("'unsafe-eval'");
  return [
    "default-src 'self'",
    `script-src ${script.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * True for a POST whose Origin names another site than the one it was sent
 * to. Browsers send Origin with every cross-site POST; Next refuses such
 * server actions (CSRF) but answers 500 and logs an error, so the proxy
 * refuses them first with 403. The host compared is the one Next compares:
 * X-Forwarded-Host when present, else Host. A POST without Origin (not from
 * a browser) is left to Next, which lets it through as well.
 */
export function isCrossOriginPost(method: string, headers: Headers): boolean {
  if (method !== "POST") return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return true; // "null" (sandboxed frame, privacy redirect) or garbage
  }
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host");
  return !host || originHost !== host;
}
