/**
 * `value` as a path of this site ("/agent/tickets/1?x=1"), or null. Accepts a path or, with
 * `host`, an absolute URL on that host (a Referer). "//x" and "/\x" would leave the site.
 */
export function sameSitePath(value: unknown, host?: string | null): string | null {
  if (typeof value !== "string" || value === "") return null;
  let path = value;
  if (host && /^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      if (url.host !== host) return null;
      path = url.pathname + url.search;
    } catch {
      return null;
    }
  }
  return /^\/(?![/\\])[^\s\\]*$/.test(path) ? path : null;
}

/** Where sign-in may send an agent: a path inside /agent on this site, else /agent (never an open redirect). */
export function safeAgentCallback(value: unknown): string {
  const path = sameSitePath(value);
  return path && (path === "/agent" || path.startsWith("/agent/") || path.startsWith("/agent?"))
    ? path
    : "/agent";
}
