import "server-only";
import { queueFilter, type Scope } from "../access/scope";
import { db } from "../db";

/**
 * The choices of the search page's filters: the queues the scope may read and the
 * active agents (owners), each by name.
 */
export async function listSearchFilterOptions(options: { scope: Scope }) {
  const [queues, owners] = await Promise.all([
    db.queue.findMany({
      where: queueFilter(options.scope.readQueueIds),
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.agent.findMany({
      where: { active: true },
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
  ]);
  return { queues, owners };
}
