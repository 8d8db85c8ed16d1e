import { CONTENT_LENGTH_HEADER } from "@/lib/http/content-length";
import { getCurrentAgent } from "@/lib/auth/session";
import { readInboundRaw } from "@/lib/mail/inbound/review-inbound-message";

export const dynamic = "force-dynamic";

/** Admins only (others: 404): the raw inbound message as a download, never rendered. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const agent = await getCurrentAgent();
  const id = Number((await params).id);
  const raw =
    agent?.role === "admin" && Number.isInteger(id) && id > 0 ? await readInboundRaw(id) : null;
  if (!raw) {
    return new Response("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(raw.bytes, {
    headers: {
      "Content-Type": "application/octet-stream",
      [CONTENT_LENGTH_HEADER]: String(raw.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${raw.filename}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store, no-transform",
    },
  });
}
