import { db, type Tx } from "../../db";
import type { InboundMessage } from "../../generated/sqlite/client";
import { sha256Hex } from "../../tickets/write-article";

export type InboundProvider = "mime" | "resend" | "imap";

/** A stored delivery as processing reads it (InboundMessage's fields it needs). */
export type StoredDelivery = Pick<
  InboundMessage,
  "id" | "status" | "provider" | "providerId" | "raw" | "payload" | "queueHint"
>;

/**
 * Writes a delivery exactly as received, before anything parses it: raw
 * bytes (or the provider's JSON) with their sha256 and the provider's ids.
 * Nothing that arrives is lost, even when it can never be processed. `tx`
 * lets a fetcher commit the row together with its own bookkeeping (IMAP).
 * `processingNow`: the caller processes the row at once (processStoredDelivery),
 * so its first attempt is counted in this write instead of a second one.
 * Returns the row as written (no read back; the raw bytes are the caller's).
 */
export async function storeInboundMessage(
  input: {
    provider: InboundProvider;
    providerId?: string | null;
    raw?: Uint8Array | null;
    payload?: string | null;
    queueHint?: string | null;
    processingNow?: boolean;
  },
  tx: Tx = db,
): Promise<StoredDelivery> {
  const bytes = input.raw ?? Buffer.from(input.payload ?? "", "utf8");
  const data = {
    provider: input.provider,
    providerId: input.providerId ?? null,
    raw: input.raw ? Buffer.from(input.raw) : null,
    payload: input.payload ?? null,
    queueHint: input.queueHint?.slice(0, 200) || null,
  };
  const { id } = await tx.inboundMessage.create({
    data: {
      ...data,
      rawSha256: sha256Hex(bytes),
      size: bytes.byteLength,
      attempts: input.processingNow ? 1 : 0,
    },
    select: { id: true },
  });
  return { id, status: "received", ...data };
}
