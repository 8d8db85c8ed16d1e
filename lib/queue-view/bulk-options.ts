import { queueFilter, type Scope } from "../access/scope";
import { db } from "../db";

/**
 * What the bulk form offers: the queues the scope may move tickets into, and the active
 * agents with their out-of-office period (the form marks the absent ones). Whether an
 * agent may own a given ticket is checked per ticket when the action runs.
 */
export async function listBulkOptions(options: { scope: Scope }) {
  const [queues, agents] = await Promise.all([
    db.queue.findMany({
      where: queueFilter(options.scope.writeQueueIds),
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db.agent.findMany({
      where: { active: true },
      select: { id: true, name: true, outOfOfficeFrom: true, outOfOfficeTo: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { queues, agents };
}

export type BulkOptions = Awaited<ReturnType<typeof listBulkOptions>>;
