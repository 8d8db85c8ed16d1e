import { db } from "../db";
import type { Role } from "../generated/sqlite/enums";

export interface AgentIdentity {
  id: number;
  role: Role;
}

/**
 * Queue ids the agent may read ("ro") or write ("rw") through group
 * membership; null means every queue (admins). rw implies ro.
 */
export async function queueIdsFor(
  agent: AgentIdentity,
  permission: "ro" | "rw",
): Promise<number[] | null> {
  if (agent.role === "admin") return null;
  const queues = await db.queue.findMany({
    where: {
      group: {
        members: {
          some: {
            agentId: agent.id,
            ...(permission === "rw" ? { permission: "rw" as const } : {}),
          },
        },
      },
    },
    select: { id: true },
  });
  return queues.map((q) => q.id);
}

/** Prisma filter restricting tickets to the given queues (no filter for null). */
export function queueScope(queueIds: number[] | null) {
  return queueIds ? { queueId: { in: queueIds } } : {};
}
