import type { Tx } from "../../db";
import { enqueue } from "../../jobs/enqueue";
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
