import { db } from "../../db";
import { FALLBACK_QUEUE } from "../../queues/find-queue";
import type { QueueAddressRow } from "../own-addresses";

/**
 * The queue for a new ticket: the `?queue=` hint when it names an active
 * queue, else the first recipient address mapped to an active queue (QueueAddress,
 * as loadQueueAddresses read them), else the fallback queue ("Raw").
 */
export async function findQueueForMessage(input: {
  hint?: string | null;
  recipients: string[];
  queueAddresses: QueueAddressRow[];
}) {
  if (input.hint) {
    const queue = await db.queue.findUnique({ where: { name: input.hint } });
    if (queue?.active) return queue;
  }
  for (const recipient of input.recipients) {
    const hit = input.queueAddresses.find((m) => m.address === recipient.toLowerCase());
    if (hit) {
      const queue = await db.queue.findUnique({ where: { id: hit.queueId } });
      if (queue?.active) return queue;
    }
  }
  return (
    (await db.queue.findUnique({ where: { name: FALLBACK_QUEUE } })) ??
    db.queue.findFirstOrThrow({ where: { active: true }, orderBy: { id: "asc" } })
  );
}
