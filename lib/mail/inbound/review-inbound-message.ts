// The admin's review of failed inbound mail (issue 14, item 7): look at it,
// re-process it after a fix, or discard it with a reason. The raw message is
// kept either way (until retention removes it).
import "server-only";
import { recordAudit, type AuditActor } from "../../admin/record-audit";
import { db, transaction } from "../../db";
import { NotFoundError, UserFacingError } from "../../errors";
import { reprocessInboundMessage } from "./reprocess-inbound-message";

/** Longest raw text the review page shows (characters); the download has it whole. */
export const RAW_PREVIEW_CHARS = 200_000;

/** Failed deliveries waiting for an admin, newest first. */
export async function listFailedInboundMessages() {
  return db.inboundMessage.findMany({
    where: { status: "failed" },
    orderBy: { id: "desc" },
    take: 200,
    select: {
      id: true,
      provider: true,
      messageId: true,
      error: true,
      size: true,
      receivedAt: true,
    },
  });
}

/**
 * One delivery for review: its parsed headers (name/value pairs), the raw
 * message as text (never to be rendered as HTML: the page puts it in a <pre>),
 * cut at RAW_PREVIEW_CHARS, and the error. Null when unknown.
 */
export async function findInboundForReview(id: number) {
  const row = await db.inboundMessage.findUnique({ where: { id } });
  if (!row) return null;
  let headers: [string, string][] = [];
  try {
    const parsed: unknown = row.headers ? JSON.parse(row.headers) : {};
    // Processed mail keeps [name, value] pairs in order (InboundMail.headers); older rows an object.
    const pairs = Array.isArray(parsed)
      ? parsed.filter((p): p is [string, unknown] => Array.isArray(p) && typeof p[0] === "string")
      : Object.entries(parsed as Record<string, unknown>);
    headers = pairs.map(([k, v]) => [
      k,
      Array.isArray(v) ? v.join(", ") : typeof v === "string" ? v : JSON.stringify(v),
    ]);
  } catch {
    headers = [];
  }
  const rawText = row.raw ? Buffer.from(row.raw).toString("utf8") : (row.payload ?? "");
  return {
    id: row.id,
    provider: row.provider,
    status: row.status,
    error: row.error,
    discardReason: row.discardReason,
    discardedAt: row.discardedAt,
    receivedAt: row.receivedAt,
    size: row.size,
    ticketId: row.ticketId,
    headers,
    hasRaw: Boolean(row.raw || row.payload),
    rawText: rawText.slice(0, RAW_PREVIEW_CHARS),
    rawTruncated: rawText.length > RAW_PREVIEW_CHARS,
  };
}

/** The stored raw message (MIME bytes, or the provider's JSON) for download, or null. */
export async function readInboundRaw(id: number) {
  const row = await db.inboundMessage.findUnique({
    where: { id },
    select: { id: true, raw: true, payload: true },
  });
  if (!row) return null;
  if (row.raw) return { filename: `inbound-${row.id}.eml`, bytes: new Uint8Array(row.raw) };
  if (row.payload)
    return { filename: `inbound-${row.id}.json`, bytes: new Uint8Array(Buffer.from(row.payload)) };
  return null;
}

/**
 * Sets a failed delivery aside (status ignored) with the admin's reason; the
 * raw message stays. Audit "inbound.discard" in the same transaction.
 * Throws `notFound`, or `conflict` when the message is not failed.
 */
export async function discardInboundMessage(options: {
  actor: AuditActor;
  id: number;
  reason: string;
}) {
  return transaction(async (tx) => {
    const row = await tx.inboundMessage.findUnique({ where: { id: options.id } });
    if (!row) throw new NotFoundError("Inbound message not found");
    const { count } = await tx.inboundMessage.updateMany({
      where: { id: row.id, status: "failed" },
      data: { status: "ignored", discardReason: options.reason, discardedAt: new Date() },
    });
    if (count !== 1)
      throw new UserFacingError(
        "Only a failed message can be discarded",
        "conflict",
        undefined,
        "invalid",
      );
    await recordAudit(tx, {
      actor: options.actor,
      action: "inbound.discard",
      objectType: "inbound",
      objectId: row.id,
      objectName: row.messageId ?? "",
      before: { status: row.status, discardReason: null },
      after: { status: "ignored", discardReason: options.reason },
    });
  });
}

/**
 * Processes a delivery again (reprocessInboundMessage) and records who did it
 * (audit "inbound.reprocess", status old → new). Processing commits in its own
 * transactions, so the audit entry follows it: a re-process that throws writes none.
 */
export async function reprocessInboundAsAdmin(options: { actor: AuditActor; id: number }) {
  const before = await db.inboundMessage.findUnique({
    where: { id: options.id },
    select: { status: true, error: true, ticketId: true, messageId: true },
  });
  if (!before) throw new NotFoundError("Inbound message not found");
  const result = await reprocessInboundMessage(options.id);
  const after = await db.inboundMessage.findUniqueOrThrow({
    where: { id: options.id },
    select: { status: true, error: true, ticketId: true },
  });
  await transaction((tx) =>
    recordAudit(tx, {
      actor: options.actor,
      action: "inbound.reprocess",
      objectType: "inbound",
      objectId: options.id,
      objectName: before.messageId ?? "",
      before: { status: before.status, error: before.error, ticketId: before.ticketId },
      after: { status: after.status, error: after.error, ticketId: after.ticketId },
    }),
  );
  return result;
}
