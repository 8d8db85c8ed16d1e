import { processStoredDelivery, type InboundResult } from "./process-inbound-message";
import { failPoint } from "../../system/fail-point";
import { storeInboundMessage } from "./store-inbound-message";

/** A raw MIME delivery: stored first, then processed (its first attempt counted as it is stored). */
export async function receiveInboundMail(input: {
  providerId: string;
  raw: Uint8Array;
  queueHint?: string | null;
}): Promise<InboundResult> {
  const stored = await storeInboundMessage({
    provider: "mime",
    providerId: input.providerId,
    raw: input.raw,
    queueHint: input.queueHint,
    processingNow: true,
  });
  failPoint("inbound.after-store");
  return processStoredDelivery(stored);
}
