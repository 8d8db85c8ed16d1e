import { queueFilter, type QueueIds } from "../access/scope";
import { db } from "../db";

export const FALLBACK_QUEUE = "Raw";

/**
 * A queue by name among the allowed ids (a scope's readQueueIds or
 * writeQueueIds); null when unknown or not allowed, alike.
 */
export async function findQueueByName(name: string, allowedIds: QueueIds) {
  return db.queue.findFirst({
    where: { name, ...queueFilter(allowedIds) },
  });
}
