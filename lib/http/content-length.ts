// Next 16 drops Content-Length from every route handler response
// (FORBIDDEN_HEADERS in next/dist/server/send-response.js). Download routes set
// this private header instead; `npm start`'s server (scripts/server.ts) turns it
// back into Content-Length as the response head is written, and strips it.
// Pure, so the server script and the routes share it without the app's config.

/** Response header carrying a body's exact length in bytes (never sent to clients by our server). */
export const CONTENT_LENGTH_HEADER = "x-helpdesk-content-length";

/** The part of Node's ServerResponse this needs. */
export interface HeaderTarget {
  getHeader(name: string): number | string | string[] | undefined;
  setHeader(name: string, value: string): unknown;
  removeHeader(name: string): void;
}

/**
 * Replaces CONTENT_LENGTH_HEADER by Content-Length (when it is a plain
 * non-negative integer and the body is not re-encoded), and always removes it.
 */
export function restoreContentLength(res: HeaderTarget): void {
  const value = res.getHeader(CONTENT_LENGTH_HEADER);
  if (value === undefined) return;
  res.removeHeader(CONTENT_LENGTH_HEADER);
  const length = String(value);
  if (!/^\d{1,15}$/.test(length)) return;
  if (res.getHeader("content-encoding") !== undefined) return;
  if (res.getHeader("transfer-encoding") !== undefined) return;
  res.setHeader("Content-Length", length);
}
