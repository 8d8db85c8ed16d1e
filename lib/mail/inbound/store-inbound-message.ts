import { db } from "../../db";
import { sha256Hex } from "../../tickets/write-article";

export type InboundProvider = "mime" | "resend";

/**
 * Writes a delivery exactly as received, before anything parses it: raw
 * bytes (or the provider's JSON) with their sha256 and the provider's ids.
 * Nothing that arrives is lost, even when it can never be processed.
 */
export async function storeInboundMessage(input: {
  provider: InboundProvider;
  providerId?: string | null;
  raw?: Uint8Array | null;
  payload?: string | null;
  queueHint?: string | null;
}) {
  const bytes = input.raw ?? Buffer.from(input.payload ?? "", "utf8");
  return db.inboundMessage.create({
    data: {
      provider: input.provider,
      providerId: input.providerId ?? null,
      raw: input.raw ? Buffer.from(input.raw) : null,
      payload: input.payload ?? null,
      rawSha256: sha256Hex(bytes),
      size: bytes.byteLength,
      queueHint: input.queueHint?.slice(0, 200) || null,
    },
    select: { id: true },
  });
}
