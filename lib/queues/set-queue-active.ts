import { recordAudit, type AuditActor } from "../admin/record-audit";
import { transaction } from "../db";
import { NotFoundError, UserFacingError } from "../errors";
import { FALLBACK_QUEUE } from "./find-queue";

/**
 * Deactivates or reactivates a queue (queues are never deleted: their tickets stay where
 * they are). A deactivated queue is offered nowhere, and mail to its addresses goes to the
 * fallback queue (findQueueForMessage) — so the fallback queue itself cannot be deactivated.
 * Audited as `queue.deactivate` / `queue.activate` in the same transaction.
 */
export async function setQueueActive(options: {
  actor: AuditActor;
  queueId: number;
  active: boolean;
}) {
  const { actor, queueId, active } = options;
  return transaction(async (tx) => {
    const queue = await tx.queue.findUnique({ where: { id: queueId } });
    if (!queue) throw new NotFoundError("Queue not found");
    if (!active && queue.name === FALLBACK_QUEUE)
      throw new UserFacingError(
        `${FALLBACK_QUEUE} receives mail no other queue takes; it cannot be deactivated`,
        "conflict",
        undefined,
        "fallbackQueue",
      );
    if (queue.active === active) return queue;
    const updated = await tx.queue.update({ where: { id: queueId }, data: { active } });
    await recordAudit(tx, {
      actor,
      action: active ? "queue.activate" : "queue.deactivate",
      objectType: "queue",
      objectId: queue.id,
      objectName: queue.name,
      before: { active: queue.active },
      after: { active },
    });
    return updated;
  });
}
