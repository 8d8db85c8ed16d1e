import "server-only";
import { db } from "../db";
import { NO_PASSWORD } from "./password-links";

/** An agent's own fields as the admin pages and the API show them (never secrets). */
const agentFieldsSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  locale: true,
  outOfOfficeFrom: true,
  outOfOfficeTo: true,
} as const;

/** Every agent for the admin list: role, activity, out-of-office and groups, by name. */
export async function listAgents() {
  return db.agent.findMany({
    orderBy: [{ active: "desc" }, { name: "asc" }],
    select: {
      ...agentFieldsSelect,
      memberships: { select: { permission: true, group: { select: { id: true, name: true } } } },
    },
  });
}

/** One agent for the edit form (memberships by group id), or null; never the password hash. */
export async function findAgentForAdmin(agentId: number) {
  const agent = await db.agent.findUnique({
    where: { id: agentId },
    select: {
      ...agentFieldsSelect,
      passwordHash: true,
      memberships: { select: { groupId: true, permission: true } },
    },
  });
  if (!agent) return null;
  const { passwordHash, ...rest } = agent;
  // No password yet: invited (or reset) and the link not used.
  return { ...rest, invitationPending: passwordHash === NO_PASSWORD };
}
