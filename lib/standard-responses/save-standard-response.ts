import { recordAudit, type AuditActor } from "../admin/record-audit";
import { transaction, type Tx } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import type { StandardResponseInput, StandardResponseUpdate } from "./schemas";

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function load(tx: Tx, id: number) {
  return tx.standardResponse.findUnique({
    where: { id },
    include: { queues: { select: { queue: { select: { id: true, name: true } } } } },
  });
}

/** What the audit compares: the fields and the names of the queues it serves. */
function audited(response: Loaded) {
  return {
    name: response.name,
    body: response.body,
    active: response.active,
    queues: response.queues.map((q) => q.queue.name).sort(),
  };
}

async function assertFreeName(tx: Tx, name: string | undefined, id?: number) {
  if (name === undefined) return;
  const other = await tx.standardResponse.findUnique({ where: { name } });
  if (other && other.id !== id)
    throw new UserFacingError(
      "A standard response of that name exists",
      "conflict",
      { name: ["taken"] },
      "taken",
    );
}

async function assertQueues(tx: Tx, queueIds: number[] | undefined) {
  if (!queueIds?.length) return;
  const found = await tx.queue.count({ where: { id: { in: queueIds } } });
  if (found !== queueIds.length)
    throw new UserFacingError(
      "Unknown queue",
      "validation",
      { queueIds: ["Unknown queue"] },
      "unknownQueue",
    );
}

/** Creates a standard response serving the given queues; audited (`standardResponse.create`) in its transaction. */
export async function createStandardResponse(options: {
  actor: AuditActor;
  input: StandardResponseInput;
}) {
  const { actor, input } = options;
  return transaction(async (tx) => {
    await assertFreeName(tx, input.name);
    await assertQueues(tx, input.queueIds);
    const { id } = await tx.standardResponse.create({
      data: {
        name: input.name,
        body: input.body,
        active: input.active,
        queues: { create: input.queueIds.map((queueId) => ({ queueId })) },
      },
    });
    const created = (await load(tx, id))!;
    await recordAudit(tx, {
      actor,
      action: "standardResponse.create",
      objectType: "standardResponse",
      objectId: id,
      objectName: created.name,
      after: audited(created),
    });
    return created;
  });
}

/**
 * Changes any subset of a standard response (name, body, active, queues — the list
 * replaces the old one); `active: false` deactivates it. Audited old → new in its transaction.
 */
export async function updateStandardResponse(options: {
  actor: AuditActor;
  responseId: number;
  input: StandardResponseUpdate;
}) {
  const { actor, responseId, input } = options;
  return transaction(async (tx) => {
    const before = await load(tx, responseId);
    if (!before) throw new NotFoundError("Standard response not found");
    await assertFreeName(tx, input.name, responseId);
    await assertQueues(tx, input.queueIds);
    await tx.standardResponse.update({
      where: { id: responseId },
      data: { name: input.name, body: input.body, active: input.active },
    });
    if (input.queueIds) {
      await tx.standardResponseQueue.deleteMany({ where: { responseId } });
      await tx.standardResponseQueue.createMany({
        data: input.queueIds.map((queueId) => ({ responseId, queueId })),
      });
    }
    const after = (await load(tx, responseId))!;
    await recordAudit(tx, {
      actor,
      action: "standardResponse.update",
      objectType: "standardResponse",
      objectId: responseId,
      objectName: after.name,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

/** Deletes a standard response (articles written with it keep their text); audited with its last content. */
export async function deleteStandardResponse(options: { actor: AuditActor; responseId: number }) {
  const { actor, responseId } = options;
  return transaction(async (tx) => {
    const before = await load(tx, responseId);
    if (!before) throw new NotFoundError("Standard response not found");
    await tx.standardResponse.delete({ where: { id: responseId } });
    await recordAudit(tx, {
      actor,
      action: "standardResponse.delete",
      objectType: "standardResponse",
      objectId: responseId,
      objectName: before.name,
      before: audited(before),
      after: {},
    });
  });
}
