import { db } from "../../db";
import { FALLBACK_QUEUE } from "../../queues/find-queue";

/**
 * The queue for a new ticket: the `?queue=` hint when it names an active
 * queue, else the first recipient address mapped to a queue (QueueAddress),
 * else the fallback queue ("Raw").
 */
export async function findQueueForMessage(input: { hint?: string | null; recipients: string[] }) {
  if (input.hint) {
    const queue = await db.queue.findUnique({ where: { name: input.hint } });
    if (queue?.active) return queue;
  }
  if (input.recipients.length > 0) {
    const mapped = await db.queueAddress.findMany({
      where: { address: { in: input.recipients.map((a) => a.toLowerCase()) } },
      include: { queue: true },
    });
    for (const address of input.recipients) {
      const hit = mapped.find((m) => m.address === address.toLowerCase() && m.queue.active);
      if (hit) return hit.queue;
    }
  }
  return (
    (await db.queue.findUnique({ where: { name: FALLBACK_QUEUE } })) ??
    db.queue.findFirstOrThrow({ where: { active: true }, orderBy: { id: "asc" } })
  );
}
