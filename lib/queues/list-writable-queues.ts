import { queueFilter, type Scope } from "../access/scope";
import { db } from "../db";

/** The active queues the scope may write (move tickets to, open tickets in), by name. */
export async function listWritableQueues(options: { scope: Scope }) {
  return db.queue.findMany({
    where: { AND: [{ active: true }, queueFilter(options.scope.writeQueueIds)] },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
