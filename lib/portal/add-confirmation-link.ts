import { config } from "../config";
import { transaction } from "../db";
import type { MailJobPayload } from "../mail/outbound/enqueue-mail";
import { isOwnAddress } from "../mail/own-addresses";
import { accessUrl, issueCustomerToken } from "./mail-customer-link";

/**
 * The new-ticket confirmation (auto-response) carries a direct access link to
 * the ticket (issue 12), created here, inside the send job — never when the
 * ticket is created, so no link waits in the queue for a mail that may never go.
 *
 * Only for the ticket's own customer: the recipient must be the ticket's
 * customer, the answered article theirs (not a foreign sender's), and the
 * address not one of the desk's. The link lives as long as a status lookup's
 * (PORTAL_ACCESS_LINK_DAYS) and is kept in the job payload under `data`
 * (`secret: true`) so every retry sends the very same mail (Resend refuses a
 * changed body under the same idempotency key); the job layer drops it once
 * the job is done or dead, and the stored article gets the text without it.
 *
 * `payload` is the job's whole payload (with its Message-ID): with a link, it is stored as
 * given plus the link. Returns the payload to send: the very same object when no link
 * applies or one was added before (then nothing was written).
 */
export async function addConfirmationLink(options: {
  jobId: number;
  payload: MailJobPayload;
  /** The desk's own addresses (loadOwnAddresses). */
  own: Set<string>;
  now?: Date;
}): Promise<MailJobPayload> {
  const { payload } = options;
  if (payload.kind !== "auto-response" || !payload.ticketId || !payload.articleId) return payload;
  if ((payload.autoResponseEvent ?? "new_ticket") !== "new_ticket") return payload; // confirmations only
  if (payload.data?.link) return payload;
  const now = options.now ?? new Date();
  return transaction(async (tx) => {
    const ticket = await tx.ticket.findUnique({
      where: { id: payload.ticketId },
      select: { id: true, customerId: true, customer: { select: { email: true, locale: true } } },
    });
    if (!ticket || ticket.customer.email !== payload.to.trim().toLowerCase()) return payload;
    const answered = await tx.article.count({
      where: {
        id: payload.articleId,
        ticketId: ticket.id,
        authorCustomerId: ticket.customerId,
        isForeignSender: false,
      },
    });
    if (!answered || isOwnAddress(payload.to, options.own)) return payload;

    const { token, expiresAt } = await issueCustomerToken(tx, {
      kind: "access",
      customerId: ticket.customerId,
      ticketId: ticket.id,
      lifetimeMs: config.portalAccessLinkDays * 86_400_000,
      now,
    });
    const withLink: MailJobPayload = {
      ...payload,
      data: {
        ...payload.data,
        link: accessUrl(token),
        // ISO time: the mail renders it in the recipient's language (mail.autoResponse.link).
        expires: expiresAt.toISOString(),
      },
      secret: true,
    };
    // `payload` is the job's whole payload (as parsed): stored with the link, no re-read.
    await tx.job.update({ where: { id: options.jobId }, data: { payload: withLink } });
    return withLink;
  });
}
