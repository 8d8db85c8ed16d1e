// How the desk answers a download (portal and agent attachment routes alike):
// always as a file to save, never rendered in the desk's origin.
import { CONTENT_LENGTH_HEADER } from "./content-length";

/** `attachment` with an ASCII fallback name and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/**
 * The download response for a stored attachment, or 404 for null (no access
 * looks exactly like absence): its own CSP (`default-src 'none'; sandbox`),
 * nosniff, never framed or cached, no Next compression (no-transform keeps
 * Content-Length). A content type that is not a plain `type/subtype` becomes
 * application/octet-stream.
 */
export function attachmentResponse(
  attachment: { filename: string; contentType: string; content: Uint8Array } | null,
): Response {
  if (!attachment) return notFoundResponse();
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "Content-Type": /^[\w.+-]+\/[\w.+-]+$/.test(attachment.contentType)
        ? attachment.contentType
        : "application/octet-stream",
      // Next drops Content-Length; our server (scripts/server.ts) restores it from this.
      [CONTENT_LENGTH_HEADER]: String(attachment.content.byteLength),
      "Content-Disposition": contentDisposition(attachment.filename),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "X-Frame-Options": "DENY",
      // no-transform: Next would gzip compressible types and drop Content-Length.
      "Cache-Control": "private, no-store, no-transform",
    },
  });
}

/** The plain 404 of routes that serve content of their own (downloads, article HTML). */
export function notFoundResponse(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
