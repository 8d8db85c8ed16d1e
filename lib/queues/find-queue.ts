import { db } from "../db";

export const FALLBACK_QUEUE = "Raw";

/** A queue by name among the allowed ids (null = any); null when unknown or not allowed. */
export async function findQueueByName(name: string, allowedIds: number[] | null) {
  const queue = await db.queue.findUnique({ where: { name } });
  if (!queue || (allowedIds && !allowedIds.includes(queue.id))) return null;
  return queue;
}
