import { canWrite, type Scope } from "../access/scope";
import { db } from "../db";

/**
 * The active standard responses assigned to a queue, by name — for the reply form of a
 * ticket in that queue. Empty when the scope cannot write the queue (no reply form there).
 */
export async function listStandardResponses(options: { scope: Scope; queueId: number }) {
  if (!canWrite(options.scope, options.queueId)) return [];
  return db.standardResponse.findMany({
    where: { active: true, queues: { some: { queueId: options.queueId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, body: true },
  });
}
