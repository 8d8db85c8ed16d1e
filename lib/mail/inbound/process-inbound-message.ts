import { db } from "../../db";
import type { InboundStatus } from "../../generated/sqlite/enums";
import { sha256Hex } from "../../tickets/write-article";
import { deliverInboundMail } from "./deliver-inbound-mail";
import { expandMail } from "./expand-mail";
import { findDuplicate, findRedelivery, type Verdict } from "./find-duplicate";
import { computeContentHash, isEmptyMail, type InboundMail } from "./inbound-mail";
import { isTransientError } from "./is-transient-error";
import { mailFromResend } from "./mail-from-resend";
import { parseMime } from "./parse-mime";
import type { StoredDelivery } from "./store-inbound-message";
import { withInboundLock } from "./with-inbound-lock";

export interface InboundResult {
  inboundId: number;
  status: InboundStatus;
  ticketNumber?: string;
  error?: string;
}

type Row = NonNullable<Awaited<ReturnType<typeof db.inboundMessage.findUnique>>>;

const describe = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 2000);

async function resultOf(id: number): Promise<InboundResult> {
  const row = await db.inboundMessage.findUniqueOrThrow({ where: { id } });
  const ticket = row.ticketId
    ? await db.ticket.findUnique({ where: { id: row.ticketId }, select: { number: true } })
    : null;
  return {
    inboundId: row.id,
    status: row.status,
    ...(ticket ? { ticketNumber: ticket.number } : {}),
    ...(row.status === "failed" && row.error ? { error: row.error } : {}),
  };
}

/** The stored delivery parsed (raw MIME, else the fetched Resend JSON) and expanded (TNEF, invitations). */
export async function loadMail(
  row: Pick<Row, "raw" | "payload" | "provider">,
): Promise<InboundMail> {
  if (row.raw) return expandMail(await parseMime(row.raw));
  const payload = row.payload ? JSON.parse(row.payload) : null;
  if (row.provider === "resend" && payload?.email)
    return expandMail(mailFromResend(payload.email, payload.attachments ?? []));
  throw new Error("nothing to parse: no raw message and no fetched e-mail");
}

/** What parsing a delivery finds, kept on its row (InboundMessage). */
type ParsedFields = { messageId: string | null; contentHash: string; headers: string };

/**
 * Keeps a delivery that can never be processed as `failed`, with its reason
 * and, when the mail could be parsed, its Message-ID, content hash and headers.
 */
export async function failInboundMessage(
  id: number,
  error: unknown,
  parsed?: ParsedFields,
): Promise<InboundResult> {
  await db.inboundMessage.update({
    where: { id },
    data: { ...parsed, status: "failed", error: describe(error), processedAt: new Date() },
  });
  return resultOf(id);
}

/**
 * Earlier attempts of this delivery (same provider id) that never finished (a
 * process killed before it processed its row, a failure) are settled as
 * duplicates of `finishedId`, the delivery that did finish (finished rows are
 * left alone; `row` itself may not be settled yet).
 */
async function settleUnfinishedAttempts(row: StoredDelivery, finishedId: number, now: Date) {
  await db.inboundMessage.updateMany({
    where: {
      provider: row.provider,
      providerId: row.providerId,
      id: { not: row.id },
      status: { in: ["received", "failed"] },
    },
    data: { status: "duplicate", duplicateOfId: finishedId, processedAt: now },
  });
}

/** The fields of InboundMessage that processing reads (see StoredDelivery). */
const DELIVERY_FIELDS = {
  id: true,
  status: true,
  provider: true,
  providerId: true,
  raw: true,
  payload: true,
  queueHint: true,
} as const;

/**
 * Processes a stored delivery (idempotent: a finished one answers its
 * result again), counting the attempt. Unprocessable mail is kept as `failed`
 * with its error for an admin to re-process; transient trouble (database,
 * network) is rethrown so the caller answers 5xx and the provider retries.
 */
export async function processInboundMessage(id: number): Promise<InboundResult> {
  const row = await db.inboundMessage.update({
    where: { id },
    data: { attempts: { increment: 1 } },
    select: DELIVERY_FIELDS,
  });
  return processStoredDelivery(row);
}

/**
 * processInboundMessage for a delivery whose attempt is already counted: one
 * just stored with `processingNow` (storeInboundMessage), as it was written.
 * What parsing finds (Message-ID, content hash, headers) is written with the
 * delivery's outcome, not before it: a process killed in between leaves a
 * `received` row that the provider's retry or an admin processes again.
 */
export async function processStoredDelivery(row: StoredDelivery): Promise<InboundResult> {
  const { id } = row;
  if (row.status !== "received" && row.status !== "failed") return resultOf(id);

  // `parsed`: what parsing found, written with the outcome (none before the mail is parsed).
  const settle = async (verdict: Exclude<Verdict, { kind: "new" }>, parsed?: ParsedFields) => {
    await db.inboundMessage.update({
      where: { id },
      data: {
        ...parsed,
        status: verdict.kind,
        error: verdict.reason,
        duplicateOfId: verdict.duplicateOfId,
        ticketId: verdict.ticketId,
        processedAt: new Date(),
      },
    });
    return resultOf(id);
  };
  const earlier = await findRedelivery({
    inboundId: id,
    provider: row.provider,
    providerId: row.providerId,
  });
  if (earlier.verdict.kind !== "new") {
    if (earlier.unfinished)
      await settleUnfinishedAttempts(row, earlier.verdict.duplicateOfId ?? id, new Date());
    return settle(earlier.verdict);
  }

  let mail: InboundMail;
  let contentHash: string;
  try {
    mail = await loadMail(row);
    if (isEmptyMail(mail)) throw new Error("no sender and no content (empty or unreadable mail)");
    contentHash = computeContentHash(mail);
  } catch (error) {
    return failInboundMessage(id, error);
  }
  const parsed = { messageId: mail.messageId, contentHash, headers: JSON.stringify(mail.headers) };

  try {
    return await withInboundLock(sha256Hex(`${mail.messageId ?? ""}\n${contentHash}`), async () => {
      const verdict = await findDuplicate({ messageId: mail.messageId, contentHash });
      const now = new Date();
      let delivered: { ticketId: number; articleId: number; number?: string };
      if (verdict.kind === "duplicate" && verdict.duplicateOfId === null && verdict.articleId) {
        // Every finished delivery links its article, so this one was written
        // by an attempt that died before recording it (kill -9 between the two
        // writes): this delivery completes the record instead of orphaning it.
        delivered = { ticketId: verdict.ticketId!, articleId: verdict.articleId };
      } else if (verdict.kind !== "new") {
        return settle(verdict, parsed);
      } else {
        delivered = await deliverInboundMail({
          mail,
          contentHash,
          queueHint: row.queueHint,
          now,
        });
      }
      await db.inboundMessage.update({
        where: { id },
        data: {
          ...parsed,
          status: "processed",
          error: null,
          ticketId: delivered.ticketId,
          articleId: delivered.articleId,
          processedAt: now,
        },
        select: { id: true },
      });
      if (earlier.unfinished) await settleUnfinishedAttempts(row, id, now);
      // Written just now: the answer needs no read (a completed record reads its number).
      return delivered.number
        ? { inboundId: id, status: "processed", ticketNumber: delivered.number }
        : resultOf(id);
    });
  } catch (error) {
    if (isTransientError(error)) {
      await db.inboundMessage
        .update({ where: { id }, data: { ...parsed, error: describe(error) } })
        .catch(() => {});
      throw error;
    }
    console.error(`inbound message ${id} failed`, error);
    return failInboundMessage(id, error, parsed);
  }
}
