import { fetchResendEmail } from "./fetch-resend-email";
import { findRedelivery } from "./find-duplicate";
import { isTransientError } from "./is-transient-error";
import {
  failInboundMessage,
  processInboundMessage,
  type InboundResult,
} from "./process-inbound-message";
import { storeInboundMessage } from "./store-inbound-message";

/**
 * A verified Resend `email.received` event: the event is stored first, the
 * message fetched through the SDK (skipped for a redelivery of one already
 * handled), then processed like raw MIME.
 */
export async function receiveResendMail(input: {
  emailId: string;
  payload: string;
  queueHint?: string | null;
}): Promise<InboundResult> {
  const stored = await storeInboundMessage({
    provider: "resend",
    providerId: input.emailId,
    payload: input.payload,
    queueHint: input.queueHint,
  });
  const { verdict } = await findRedelivery({
    inboundId: stored.id,
    provider: "resend",
    providerId: input.emailId,
  });
  if (verdict.kind === "new") {
    try {
      await fetchResendEmail(stored.id, input.emailId);
    } catch (error) {
      if (isTransientError(error)) throw error; // 5xx: Resend redelivers
      return failInboundMessage(stored.id, error);
    }
  }
  return processInboundMessage(stored.id);
}
