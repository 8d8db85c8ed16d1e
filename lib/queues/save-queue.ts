// SQL NULL for a Json column; both generated clients share this runtime value.
import { DbNull } from "@prisma/client/runtime/client";
import type { AuditActor } from "../admin/record-audit";
import { recordAudit } from "../admin/record-audit";
import { transaction, type Prisma, type Tx } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import type { QueueInput, QueueUpdate } from "./schemas";
import { writeAutoResponses, writeQueueAddresses } from "./write-queue-parts";

/** The queue's own columns as the audit compares them (addresses and texts are audited apart). */
function auditedFields(queue: Record<string, unknown>) {
  const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = queue;
  return fields;
}

function columnsOf(input: QueueUpdate) {
  const { addresses: _a, senderName: _s, autoResponses: _r, calendar, ...columns } = input;
  return {
    ...columns,
    ...(calendar === undefined
      ? {}
      : { calendar: calendar === null ? DbNull : (calendar as Prisma.InputJsonValue) }),
  };
}

async function assertGroup(tx: Tx, groupId: number | undefined) {
  if (groupId === undefined) return;
  if (!(await tx.group.findUnique({ where: { id: groupId } })))
    throw new UserFacingError(
      "Unknown group",
      "validation",
      { groupId: ["Unknown group"] },
      "invalid",
    );
}

async function assertFreeName(tx: Tx, name: string | undefined, queueId?: number) {
  if (name === undefined) return;
  const other = await tx.queue.findUnique({ where: { name } });
  if (other && other.id !== queueId)
    throw new UserFacingError(
      "A queue of that name exists",
      "conflict",
      { name: ["A queue of that name exists"] },
      "taken",
    );
}

async function writeParts(
  tx: Tx,
  actor: AuditActor,
  queue: { id: number; name: string },
  input: QueueUpdate,
) {
  if (input.addresses !== undefined || input.senderName !== undefined) {
    const current = await tx.queueAddress.findMany({
      where: { queueId: queue.id },
      orderBy: [{ isPrimary: "desc" }, { id: "asc" }],
    });
    await writeQueueAddresses(tx, {
      actor,
      queue,
      addresses: input.addresses ?? current.map((a) => a.address),
      senderName: input.senderName ?? current[0]?.name ?? "",
    });
  }
  if (input.autoResponses !== undefined)
    await writeAutoResponses(tx, { actor, queue, texts: input.autoResponses });
}

/**
 * Creates a queue with its addresses and auto-response texts (issue 14, item 1), audited
 * (`queue.create`, plus one entry per address and text) in the same transaction.
 * A taken name or address is refused at its field ("taken"), an unknown group too.
 */
export async function createQueue(options: { actor: AuditActor; input: QueueInput }) {
  const { actor, input } = options;
  return transaction(async (tx) => {
    await assertFreeName(tx, input.name);
    await assertGroup(tx, input.groupId);
    const queue = await tx.queue.create({
      data: columnsOf(input) as Prisma.QueueUncheckedCreateInput,
    });
    await recordAudit(tx, {
      actor,
      action: "queue.create",
      objectType: "queue",
      objectId: queue.id,
      objectName: queue.name,
      after: auditedFields(queue),
    });
    await writeParts(tx, actor, queue, input);
    return queue;
  });
}

/**
 * Changes a queue: any subset of its fields; `addresses` and `autoResponses`, when given,
 * replace the lists. The audit entry (`queue.update`) holds old → new of each changed
 * column, written in the same transaction as the change.
 */
export async function updateQueue(options: {
  actor: AuditActor;
  queueId: number;
  input: QueueUpdate;
}) {
  const { actor, queueId, input } = options;
  return transaction(async (tx) => {
    const before = await tx.queue.findUnique({ where: { id: queueId } });
    if (!before) throw new NotFoundError("Queue not found");
    await assertFreeName(tx, input.name, queueId);
    await assertGroup(tx, input.groupId);
    const queue = await tx.queue.update({
      where: { id: queueId },
      data: columnsOf(input) as Prisma.QueueUncheckedUpdateInput,
    });
    await recordAudit(tx, {
      actor,
      action: "queue.update",
      objectType: "queue",
      objectId: queue.id,
      objectName: queue.name,
      before: auditedFields(before),
      after: auditedFields(queue),
    });
    await writeParts(tx, actor, queue, input);
    return queue;
  });
}
