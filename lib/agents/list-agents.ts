import "server-only";
import { db } from "../db";

/** Every agent for the admin list: role, activity, out-of-office and groups, by name. */
export async function listAgents() {
  return db.agent.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      locale: true,
      outOfOfficeFrom: true,
      outOfOfficeTo: true,
      memberships: { select: { permission: true, group: { select: { id: true, name: true } } } },
    },
  });
}

/** One agent for the edit form (memberships by group id), or null. */
export async function findAgentForAdmin(agentId: number) {
  return db.agent.findUnique({
    where: { id: agentId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      active: true,
      locale: true,
      outOfOfficeFrom: true,
      outOfOfficeTo: true,
      passwordHash: true,
      memberships: { select: { groupId: true, permission: true } },
    },
  });
}
