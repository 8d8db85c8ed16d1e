// Colleagues away (issue 16): an agent's out-of-office period, what "unattended" means
// for a ticket, and the colleague who could take over. The period is inclusive at both ends.
import { db, type Prisma } from "../db";
import { UserFacingError } from "../errors";
import { CLOSED_STATES } from "../tickets/states";

export interface OutOfOffice {
  outOfOfficeFrom: Date | null;
  outOfOfficeTo: Date | null;
}

/** Whether the agent is away at `now` (both ends set and now inside them). */
export function isAway(agent: OutOfOffice, now: Date) {
  return Boolean(
    agent.outOfOfficeFrom &&
    agent.outOfOfficeTo &&
    agent.outOfOfficeFrom <= now &&
    now <= agent.outOfOfficeTo,
  );
}

/** Prisma `where` part for agents away at `now`. */
export const awayAgents = (now: Date): Prisma.AgentWhereInput => ({
  outOfOfficeFrom: { lte: now },
  outOfOfficeTo: { gte: now },
});

/** Prisma `where` part for agents not away at `now` (NOT over nullable columns would drop them). */
export const presentAgents = (now: Date): Prisma.AgentWhereInput => ({
  OR: [
    { outOfOfficeFrom: null },
    { outOfOfficeTo: null },
    { outOfOfficeFrom: { gt: now } },
    { outOfOfficeTo: { lt: now } },
  ],
});

/**
 * Prisma `where` part for unattended tickets: no owner, or an owner who is away at `now`
 * or no longer active. Open tickets of absent colleagues show so in the queue view and
 * on the dashboard, where anyone of the queue can take them over.
 */
export const unattendedTickets = (now: Date): Prisma.TicketWhereInput => ({
  OR: [{ ownerId: null }, { owner: { active: false } }, { owner: awayAgents(now) }],
});

/**
 * Ids of the agents who leave their tickets unattended at `now`: inactive, or away. A
 * handful of rows; a ticket query then filters `ownerId IN (…)` on its index, where the
 * relation filter of unattendedTickets joins Agent for every ticket it looks at.
 */
export async function findAbsentAgentIds(now: Date) {
  const agents = await db.agent.findMany({
    where: { OR: [{ active: false }, awayAgents(now)] },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return agents.map((a) => a.id);
}

/**
 * Sets (or with both null, clears) the agent's own out-of-office period.
 * Throws a validation UserFacingError (key `away.invalidPeriod`) when `to` is before `from`
 * or only one end is given.
 */
export async function setOutOfOffice(options: {
  agentId: number;
  from: Date | null;
  to: Date | null;
}) {
  const { from, to } = options;
  if ((from === null) !== (to === null) || (from && to && to < from)) {
    throw new UserFacingError(
      "Invalid out-of-office period",
      "validation",
      { to: ["invalid period"] },
      "invalidPeriod",
    );
  }
  return db.agent.update({
    where: { id: options.agentId },
    data: { outOfOfficeFrom: from, outOfOfficeTo: to },
    select: { outOfOfficeFrom: true, outOfOfficeTo: true },
  });
}

/**
 * A colleague who could take a queue's ticket instead of an absent agent: active, present at
 * `now`, with rw on the queue's group, not `exceptAgentId` — the one owning the fewest open
 * tickets, else by name. Null when nobody is there.
 */
export async function suggestColleague(options: {
  queueId: number;
  exceptAgentId?: number;
  now: Date;
}) {
  const candidates = await db.agent.findMany({
    where: {
      active: true,
      id: { not: options.exceptAgentId ?? 0 },
      ...presentAgents(options.now),
      memberships: {
        some: { permission: "rw", group: { queues: { some: { id: options.queueId } } } },
      },
    },
    select: {
      id: true,
      name: true,
      email: true,
      _count: {
        select: {
          ownedTickets: { where: { state: { notIn: [...CLOSED_STATES] } } },
        },
      },
    },
    orderBy: { name: "asc" },
    take: 50,
  });
  candidates.sort((a, b) => a._count.ownedTickets - b._count.ownedTickets);
  const best = candidates[0];
  return best ? { id: best.id, name: best.name, email: best.email } : null;
}

/** The agent's out-of-office period (both ends null when none is set). */
export async function getOutOfOffice(agentId: number): Promise<OutOfOffice> {
  const agent = await db.agent.findUnique({
    where: { id: agentId },
    select: { outOfOfficeFrom: true, outOfOfficeTo: true },
  });
  return agent ?? { outOfOfficeFrom: null, outOfOfficeTo: null };
}
