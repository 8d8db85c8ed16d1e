import type { Tx } from "../../db";
import { enqueue, enqueueMany } from "../../jobs/enqueue";
import type { MailJobPayload, MailKind } from "../../jobs/job-types";
import { createMessageId } from "../message-id";

export type { MailJobPayload, MailKind };

/**
 * The payload with its Message-ID fixed now, at queueing, so that every attempt sends the
 * same one and the job needs no write of its own to fix it. An agent reply gets its
 * article's Message-ID in the job (sendMailJob).
 */
function withMessageId(payload: MailJobPayload): MailJobPayload {
  if (payload.messageId || payload.kind === "agent-reply") return { ...payload };
  return { ...payload, messageId: createMessageId() };
}

/** Queues one mail inside the caller's transaction; the worker renders and sends it. */
export async function enqueueMail(
  tx: Tx,
  payload: MailJobPayload,
  options: { runAt?: Date; dedupeKey?: string } = {},
) {
  return enqueue(tx, {
    type: "mail.send",
    payload: withMessageId(payload),
    runAt: options.runAt,
    dedupeKey: options.dedupeKey,
    maxAttempts: 8,
  });
}

/** Queues several mails inside the caller's transaction with one insert. */
export async function enqueueMails(tx: Tx, payloads: MailJobPayload[]) {
  await enqueueMany(
    tx,
    payloads.map((payload) => ({
      type: "mail.send",
      payload: withMessageId(payload),
      maxAttempts: 8,
    })),
  );
}
