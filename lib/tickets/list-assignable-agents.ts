import { db } from "../db";

/**
 * The agents who may become owner or responsible of a ticket in `queueId` — active, and
 * admins or rw members of the queue's group (the rule findAssignableAgent enforces) — by name.
 */
export async function listAssignableAgents(options: { queueId: number }) {
  const queue = await db.queue.findUniqueOrThrow({
    where: { id: options.queueId },
    select: { groupId: true },
  });
  return db.agent.findMany({
    where: {
      active: true,
      OR: [
        { role: "admin" },
        { memberships: { some: { groupId: queue.groupId, permission: "rw" } } },
      ],
    },
    orderBy: { name: "asc" },
    select: { id: true, email: true, name: true },
  });
}
