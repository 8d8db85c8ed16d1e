import { queueFilter, type Scope } from "../access/scope";
import { db } from "../db";

/** The queues the scope reads, by name: the queue view's tabs (and its check of a queue in the URL). */
export async function listViewQueues(options: { scope: Scope }) {
  return db.queue.findMany({
    where: queueFilter(options.scope.readQueueIds),
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
