import type { Tx } from "../db";
import { UserFacingError } from "../errors";
import type { MembershipInput } from "./schemas";

/** An agent as the audit compares it: plain fields, and memberships as { group name: ro|rw }. */
export async function agentAuditView(tx: Tx, agentId: number) {
  const agent = await tx.agent.findUniqueOrThrow({
    where: { id: agentId },
    include: { memberships: { include: { group: { select: { name: true } } } } },
  });
  return {
    agent,
    view: {
      email: agent.email,
      name: agent.name,
      role: agent.role,
      active: agent.active,
      locale: agent.locale,
      outOfOfficeFrom: agent.outOfOfficeFrom,
      outOfOfficeTo: agent.outOfOfficeTo,
      memberships: Object.fromEntries(
        agent.memberships
          .map((m) => [m.group.name, m.permission] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    },
  };
}

/** Replaces the agent's group memberships with `memberships` (unknown groups: `unknownGroup`). */
export async function replaceMemberships(
  tx: Tx,
  agentId: number,
  memberships: MembershipInput[],
): Promise<void> {
  const byGroup = new Map(memberships.map((m) => [m.groupId, m.permission]));
  const known = await tx.group.count({ where: { id: { in: [...byGroup.keys()] } } });
  if (known !== byGroup.size) {
    throw new UserFacingError(
      "Unknown group",
      "validation",
      { memberships: ["unknown group"] },
      "invalid",
    );
  }
  await tx.groupMember.deleteMany({ where: { agentId } });
  if (byGroup.size)
    await tx.groupMember.createMany({
      data: [...byGroup].map(([groupId, permission]) => ({ groupId, agentId, permission })),
    });
}
