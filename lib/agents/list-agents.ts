import "server-only";
import { db } from "../db";
import { NO_PASSWORD } from "./password-links";

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

/** One agent for the edit form (memberships by group id), or null; never the password hash. */
export async function findAgentForAdmin(agentId: number) {
  const agent = await db.agent.findUnique({
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
  if (!agent) return null;
  const { passwordHash, ...rest } = agent;
  // No password yet: invited (or reset) and the link not used.
  return { ...rest, invitationPending: passwordHash === NO_PASSWORD };
}
