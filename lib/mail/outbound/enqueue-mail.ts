import type { Tx } from "../../db";
import { enqueue, enqueueMany } from "../../jobs/enqueue";
import type { MailJobPayload, MailKind } from "../../jobs/job-types";

export type { MailJobPayload, MailKind };

/** Queues one mail inside the caller's transaction; the worker renders and sends it. */
export async function enqueueMail(
  tx: Tx,
  payload: MailJobPayload,
  options: { runAt?: Date; dedupeKey?: string } = {},
) {
  return enqueue(tx, {
    type: "mail.send",
    payload: { ...payload },
    runAt: options.runAt,
    dedupeKey: options.dedupeKey,
    maxAttempts: 8,
  });
}

/** Queues several mails inside the caller's transaction with one insert. */
export async function enqueueMails(tx: Tx, payloads: MailJobPayload[]) {
  await enqueueMany(
    tx,
    payloads.map((payload) => ({ type: "mail.send", payload: { ...payload }, maxAttempts: 8 })),
  );
}
