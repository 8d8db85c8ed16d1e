import "server-only";
import { getResend } from "../resend-client";

export interface ResendReceivedEvent {
  type: string;
  data?: { email_id?: string };
}

/** Verifies a Resend (Svix-signed) webhook with the SDK; null when the signature does not hold. */
export function verifyResendWebhook(input: {
  payload: string;
  headers: { get(name: string): string | null };
  secret: string;
}): ResendReceivedEvent | null {
  const get = (name: string) =>
    input.headers.get(`svix-${name}`) ?? input.headers.get(`webhook-${name}`) ?? "";
  try {
    return getResend().webhooks.verify({
      payload: input.payload,
      headers: { id: get("id"), timestamp: get("timestamp"), signature: get("signature") },
      webhookSecret: input.secret,
    }) as ResendReceivedEvent;
  } catch {
    return null;
  }
}
