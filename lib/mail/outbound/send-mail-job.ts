import { SYSTEM } from "../../actor";
import { db, transaction, type Prisma, type Tx } from "../../db";
import type { Job } from "../../generated/sqlite/client";
import { withoutSecrets } from "../../jobs/secret-payload";
import type { JobContext } from "../../jobs/worker";
import { failPoint } from "../../system/fail-point";
import { recordHistory } from "../../tickets/record-history";
import { addConfirmationLink } from "../../portal/add-confirmation-link";
import { NEXT_VERSION } from "../../tickets/ticket-version";
import { writeArticle } from "../../tickets/write-article";
import { createMessageId } from "../message-id";
import { isOwnAddress, loadOwnAddresses } from "../own-addresses";
import { composeMail, type ComposedMail } from "./compose-mail";
import { isAgentMail, type MailJobPayload } from "../../jobs/job-types";
import { deliverMail, usesOutbox } from "./transport";

/**
 * The Message-ID of this mail, fixed before the first attempt so every retry
 * sends (and records) the same one: most mail has it from queueing (enqueueMail); agent
 * replies reuse their article's, and a job queued without one gets one here.
 * A new-ticket confirmation gets its access link in the same write (addConfirmationLink).
 * Returns the payload to send, with its Message-ID, as now stored in the job.
 */
async function fixMessageId(
  job: Job,
  stored: MailJobPayload,
  now: Date,
  own: Set<string>,
): Promise<MailJobPayload> {
  if (stored.messageId) return addConfirmationLink({ jobId: job.id, payload: stored, own, now });
  const article =
    stored.kind === "agent-reply" && stored.articleId
      ? await db.article.findUnique({
          where: { id: stored.articleId },
          select: { messageId: true },
        })
      : null;
  const withId: MailJobPayload = { ...stored, messageId: article?.messageId ?? createMessageId() };
  const toSend = await addConfirmationLink({ jobId: job.id, payload: withId, own, now });
  // No link added (it stored the payload with its Message-ID when it added one).
  if (toSend === withId) await db.job.update({ where: { id: job.id }, data: { payload: withId } });
  return toSend;
}

/** What a sent mail leaves behind: an article for ticket mail, a history line, never a secret. */
async function recordSent(
  tx: Tx,
  payload: MailJobPayload,
  composed: ComposedMail,
  messageId: string,
) {
  const { ticket, mail } = composed;
  if (!ticket) return;
  if (payload.kind === "auto-response") {
    await tx.ticket.update({ where: { id: ticket.id }, data: NEXT_VERSION }); // a new article
    await writeArticle(tx, ticket.id, {
      channel: "email",
      direction: "out",
      visibleToCustomer: true,
      isAutomatic: true,
      fromAddress: mail.from,
      toAddress: mail.to,
      subject: mail.subject,
      // What was sent, minus any link: the article keeps no secret (DESIGN "Security").
      text: composed.storedText,
      messageId,
      inReplyTo: mail.headers["In-Reply-To"] ?? null,
      references: mail.headers.References ?? null,
    });
  } else if (payload.kind === "agent-reply" && payload.articleId) {
    await tx.article.update({
      where: { id: payload.articleId },
      data: {
        fromAddress: mail.from,
        toAddress: mail.to,
        subject: mail.subject,
        inReplyTo: mail.headers["In-Reply-To"] ?? null,
        references: mail.headers.References ?? null,
      },
    });
  }
  if (payload.kind !== "notification") {
    await recordHistory(tx, {
      ticketId: ticket.id,
      type: "mail_sent",
      actor: SYSTEM,
      newValue: `${payload.kind} to ${mail.to}`,
    });
  }
}

/** Job handler for "mail.send": compose, deliver once (idempotency key), record. */
export async function sendMailJob(stored: MailJobPayload, ctx: JobContext, job: Job) {
  // Customer mail is checked against the desk's own addresses (read once for the job).
  const own = isAgentMail(stored.kind) ? new Set<string>() : await loadOwnAddresses();
  // The new-ticket confirmation gets its direct link here, once, kept for retries.
  const payload = await fixMessageId(job, stored, ctx.now, own);
  const messageId = payload.messageId!;
  const composed = await composeMail(payload, messageId);
  // Secrets (access and magic links) leave the database once sent.
  const finalPayload = withoutSecrets(payload as unknown as Prisma.JsonValue);
  const idempotencyKey = `helpdesk-mail-${job.id}-${messageId}`;
  // Another worker took the job over (our lease expired): leave the recording to it.
  const completeOrRollBack = async (tx: Tx) => {
    if (!(await ctx.complete(tx, finalPayload)))
      throw new Error(`job ${job.id}: lease lost, not recorded`);
  };

  if (!isAgentMail(payload.kind) && isOwnAddress(composed.mail.to, own)) {
    // DESIGN "Own addresses": the desk never mails itself (a loop at best).
    await transaction(async (tx) => {
      if (composed.ticket)
        await recordHistory(tx, {
          ticketId: composed.ticket.id,
          type: "mail_suppressed",
          actor: SYSTEM,
          newValue: `${payload.kind} to ${composed.mail.to}: the desk's own address`,
        });
      await completeOrRollBack(tx);
    });
    return;
  }
  if (usesOutbox()) {
    await transaction(async (tx) => {
      await deliverMail(composed.mail, { idempotencyKey, jobId: job.id, tx });
      await recordSent(tx, payload, composed, messageId);
      await completeOrRollBack(tx);
    });
    return;
  }
  // Network first, outside any transaction; a crash before recording retries
  // with the same key, and Resend answers without sending again.
  await deliverMail(composed.mail, { idempotencyKey, jobId: job.id });
  failPoint("mail.after-send");
  await transaction(async (tx) => {
    await recordSent(tx, payload, composed, messageId);
    await completeOrRollBack(tx);
  });
}
