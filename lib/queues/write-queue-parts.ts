// The parts of a queue kept in their own rows: inbound addresses (QueueAddress) and
// auto-response texts (AutoResponse). Written inside the queue's transaction, each
// change with its audit entry.
import type { AuditActor } from "../admin/record-audit";
import { recordAudit } from "../admin/record-audit";
import type { Tx } from "../db";
import { UserFacingError } from "../errors";
import type { AutoResponseText } from "./schemas";

interface QueueRef {
  id: number;
  name: string;
}

/**
 * Makes the queue's inbound addresses exactly `addresses` (first = primary), each with
 * `senderName` as its display name. An address routed to another queue is refused at the
 * field ("taken"): the admin removes it there first.
 */
export async function writeQueueAddresses(
  tx: Tx,
  options: { actor: AuditActor; queue: QueueRef; addresses: string[]; senderName: string },
) {
  const { actor, queue, addresses, senderName } = options;
  const elsewhere = await tx.queueAddress.findFirst({
    where: { address: { in: addresses }, queueId: { not: queue.id } },
  });
  if (elsewhere)
    throw new UserFacingError(
      `${elsewhere.address} already routes to another queue`,
      "conflict",
      { addresses: [`${elsewhere.address} already routes to another queue`] },
      "taken",
    );
  const current = await tx.queueAddress.findMany({ where: { queueId: queue.id } });
  const audit = (
    action: "create" | "update" | "delete",
    address: string,
    before?: object,
    after?: object,
  ) =>
    recordAudit(tx, {
      actor,
      action: `queue.address.${action}`,
      objectType: "queueAddress",
      objectId: address,
      objectName: `${address} (${queue.name})`,
      before: before as Record<string, unknown> | undefined,
      after: after as Record<string, unknown> | undefined,
    });
  for (const row of current) {
    if (addresses.includes(row.address)) continue;
    await tx.queueAddress.delete({ where: { id: row.id } });
    await audit(
      "delete",
      row.address,
      { queue: queue.name, name: row.name, isPrimary: row.isPrimary },
      {},
    );
  }
  for (const [index, address] of addresses.entries()) {
    const data = { name: senderName, isPrimary: index === 0 };
    const row = current.find((r) => r.address === address);
    if (!row) {
      await tx.queueAddress.create({ data: { address, queueId: queue.id, ...data } });
      await audit("create", address, undefined, { queue: queue.name, ...data });
    } else if (row.name !== data.name || row.isPrimary !== data.isPrimary) {
      await tx.queueAddress.update({ where: { id: row.id }, data });
      await audit("update", address, { name: row.name, isPrimary: row.isPrimary }, data);
    }
  }
}

/**
 * Makes the queue's own auto-response texts exactly `texts` (per event and language);
 * a text removed falls back to the built-in one. Each change is audited.
 */
export async function writeAutoResponses(
  tx: Tx,
  options: { actor: AuditActor; queue: QueueRef; texts: AutoResponseText[] },
) {
  const { actor, queue, texts } = options;
  const current = await tx.autoResponse.findMany({ where: { queueId: queue.id } });
  const keyOf = (t: { event: string; locale: string }) => `${t.event}:${t.locale}`;
  const audit = (key: string, before: object, after: object) =>
    recordAudit(tx, {
      actor,
      action: "queue.autoResponse.update",
      objectType: "autoResponse",
      objectId: `${queue.id}:${key}`,
      objectName: `${queue.name} ${key}`,
      before: before as Record<string, unknown>,
      after: after as Record<string, unknown>,
    });
  for (const row of current) {
    if (texts.some((t) => keyOf(t) === keyOf(row))) continue;
    await tx.autoResponse.delete({ where: { id: row.id } });
    await audit(
      keyOf(row),
      { subject: row.subject, body: row.body },
      { subject: null, body: null },
    );
  }
  for (const text of texts) {
    const row = current.find((r) => keyOf(r) === keyOf(text));
    const data = { subject: text.subject, body: text.body, active: true };
    if (row && row.subject === text.subject && row.body === text.body && row.active) continue;
    await tx.autoResponse.upsert({
      where: {
        queueId_event_locale: { queueId: queue.id, event: text.event, locale: text.locale },
      },
      create: { queueId: queue.id, event: text.event, locale: text.locale, ...data },
      update: data,
    });
    await audit(
      keyOf(text),
      { subject: row?.subject ?? null, body: row?.body ?? null },
      { subject: text.subject, body: text.body },
    );
  }
}
