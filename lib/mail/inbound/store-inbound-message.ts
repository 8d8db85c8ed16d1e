import { db, type Tx } from "../../db";
import { sha256Hex } from "../../tickets/write-article";

export type InboundProvider = "mime" | "resend" | "imap";

/**
 * Writes a delivery exactly as received, before anything parses it: raw
 * bytes (or the provider's JSON) with their sha256 and the provider's ids.
 * Nothing that arrives is lost, even when it can never be processed. `tx`
 * lets a fetcher commit the row together with its own bookkeeping (IMAP).
 */
export async function storeInboundMessage(
  input: {
    provider: InboundProvider;
    providerId?: string | null;
    raw?: Uint8Array | null;
    payload?: string | null;
    queueHint?: string | null;
  },
  tx: Tx = db,
) {
  const bytes = input.raw ?? Buffer.from(input.payload ?? "", "utf8");
  return tx.inboundMessage.create({
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
