import { CONTENT_LENGTH_HEADER } from "@/lib/http/content-length";
import { getCustomerAttachment } from "@/lib/portal/get-customer-attachment";
import { getCurrentCustomer } from "@/lib/portal/session-cookie";

export const dynamic = "force-dynamic";

function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** Downloads an attachment of a customer-visible article of the session's ticket; else 404. */
export async function GET(
  _req: Request,
  { params }: { params: Promise<{ number: string; id: string }> },
) {
  const { number, id } = await params;
  const session = await getCurrentCustomer();
  const attachment = session
    ? await getCustomerAttachment({ session, number, attachmentId: Number(id) })
    : null;
  if (!attachment) {
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
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
