import "server-only";
import type { AuditAction } from "../admin/audit-actions";
import { recordAudit, type AuditActor } from "../admin/record-audit";
import { db, transaction, type Tx } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import type { GroupMemberInput } from "./schemas";

const nameTaken = () =>
  new UserFacingError(
    "A group with this name exists",
    "conflict",
    { name: ["taken"] },
    "nameTaken",
  );

/** Groups for the admin list: their queues and members. */
export async function listGroups() {
  return db.group.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      queues: { select: { id: true, name: true }, orderBy: { name: "asc" } },
      members: {
        select: { permission: true, agent: { select: { id: true, name: true, active: true } } },
      },
    },
  });
}

/** One group with its queue ids and members, or null. */
export async function findGroupForAdmin(groupId: number) {
  return db.group.findUnique({
    where: { id: groupId },
    select: {
      id: true,
      name: true,
      queues: { select: { id: true } },
      members: { select: { agentId: true, permission: true } },
    },
  });
}

async function groupAuditView(tx: Tx, groupId: number) {
  const group = await tx.group.findUnique({
    where: { id: groupId },
    include: {
      queues: { select: { name: true } },
      members: { include: { agent: { select: { email: true } } } },
    },
  });
  if (!group) throw new NotFoundError("Group not found");
  return {
    group,
    view: {
      name: group.name,
      queues: group.queues.map((q) => q.name).sort(),
      members: Object.fromEntries(
        group.members
          .map((m) => [m.agent.email, m.permission] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    },
  };
}

/** Creates a group (audit "group.create"). Throws `nameTaken` (409). */
export async function createGroup(options: { actor: AuditActor; name: string }) {
  return transaction(async (tx) => {
    if (await tx.group.findUnique({ where: { name: options.name } })) throw nameTaken();
    const group = await tx.group.create({ data: { name: options.name } });
    await recordAudit(tx, {
      actor: options.actor,
      action: "group.create",
      objectType: "group",
      objectId: group.id,
      objectName: group.name,
      after: { name: group.name },
    });
    return group;
  });
}

export interface GroupChanges {
  name?: string;
  /** The queues the group grants. A queue belongs to one group: added ones move here. */
  queueIds?: number[];
  members?: GroupMemberInput[];
}

/**
 * Renames a group, sets the queues it grants and its members (ro/rw), in one
 * transaction with its audit entry ("group.membership.update" when only the
 * members changed, else "group.update"). A queue can only leave a group by
 * joining another (`queueNeedsGroup`). Throws `notFound`, `nameTaken`.
 */
export async function updateGroup(options: {
  actor: AuditActor;
  groupId: number;
  changes: GroupChanges;
}) {
  const { actor, groupId, changes } = options;
  return transaction(async (tx) => {
    const before = await groupAuditView(tx, groupId);
    if (changes.name !== undefined && changes.name !== before.group.name) {
      if (await tx.group.findUnique({ where: { name: changes.name } })) throw nameTaken();
      await tx.group.update({ where: { id: groupId }, data: { name: changes.name } });
    }
    if (changes.queueIds) {
      const wanted = new Set(changes.queueIds);
      const leaving = await tx.queue.count({ where: { groupId, id: { notIn: [...wanted] } } });
      if (leaving > 0)
        throw new UserFacingError(
          "A queue belongs to one group: assign it to another group instead",
          "validation",
          { queueIds: ["queue needs a group"] },
          "queueNeedsGroup",
        );
      const { count } = await tx.queue.updateMany({
        where: { id: { in: [...wanted] } },
        data: { groupId },
      });
      if (count !== wanted.size)
        throw new UserFacingError(
          "Unknown queue",
          "validation",
          { queueIds: ["unknown queue"] },
          "invalid",
        );
    }
    if (changes.members) {
      const byAgent = new Map(changes.members.map((m) => [m.agentId, m.permission]));
      if ((await tx.agent.count({ where: { id: { in: [...byAgent.keys()] } } })) !== byAgent.size)
        throw new UserFacingError(
          "Unknown agent",
          "validation",
          { members: ["unknown agent"] },
          "invalid",
        );
      await tx.groupMember.deleteMany({ where: { groupId } });
      await tx.groupMember.createMany({
        data: [...byAgent].map(([agentId, permission]) => ({ groupId, agentId, permission })),
      });
    }
    const after = await groupAuditView(tx, groupId);
    const onlyMembers =
      before.view.name === after.view.name &&
      JSON.stringify(before.view.queues) === JSON.stringify(after.view.queues);
    const action: AuditAction = onlyMembers ? "group.membership.update" : "group.update";
    await recordAudit(tx, {
      actor,
      action,
      objectType: "group",
      objectId: groupId,
      objectName: after.group.name,
      before: before.view,
      after: after.view,
    });
    return after.group;
  });
}
