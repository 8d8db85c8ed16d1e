import type { Actor } from "../../actor";
import { findOrCreateCustomer } from "../../customers/find-or-create-customer";
import { db } from "../../db";
import { systemScope } from "../../access/system-scope";
import { addFollowUp } from "../../tickets/add-follow-up";
import { createTicket } from "../../tickets/create-ticket";
import type { NewArticle } from "../../tickets/write-article";
import { classifyMessage } from "./classify-message";
import { findQueueForMessage } from "./find-queue-for-message";
import { findTicketForMessage, threadKeys } from "./find-ticket-for-message";
import { formatAddress, type InboundMail } from "./inbound-mail";
import { markBouncingRecipients } from "./mark-bouncing-recipients";
import { sanitizeMailHtml } from "./sanitize-html";

/** Customer for mail that names no sender at all: kept, never answered. */
export const UNKNOWN_SENDER = "unknown-sender@invalid";

export interface Delivered {
  ticketId: number;
  number: string;
  articleId: number;
}

/**
 * Turns a parsed, non-duplicate mail into a follow-up (threaded per DESIGN)
 * or a new ticket in the queue of its recipient address. Auto-replies,
 * bounces and list mail are stored but never answered. A bounce of our own
 * mail marks its failed recipients as bouncing; an ordinary mail from a
 * customer shows their address works again and clears the mark.
 */
export async function deliverInboundMail(input: {
  mail: InboundMail;
  contentHash: string;
  queueHint?: string | null;
  now?: Date;
}): Promise<Delivered> {
  const { mail } = input;
  const now = input.now ?? new Date();
  const classification = classifyMessage(mail);
  const sender = mail.from ?? { address: UNKNOWN_SENDER, name: "" };
  const allowAutoResponse = !classification.isAutomatic && !!mail.from;

  const customer = await findOrCreateCustomer({ email: sender.address, name: sender.name });
  if (customer.bouncingAt && allowAutoResponse) {
    // A customer's own ordinary mail: their address works. Cleared before the
    // ticket is written, so this mail gets its auto-response again.
    await db.customer.update({ where: { id: customer.id }, data: { bouncingAt: null } });
  }
  const actor: Actor = { kind: "customer", customerId: customer.id, email: customer.email };
  const article: NewArticle = {
    channel: "email",
    direction: "in",
    visibleToCustomer: true,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ? sanitizeMailHtml(mail.html) : null,
    fromAddress: formatAddress(sender),
    toAddress: mail.to.map(formatAddress).join(", "),
    cc: mail.cc.map(formatAddress).join(", "),
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references.length ? mail.references.join(" ") : null,
    contentHash: input.contentHash,
    isAutomatic: classification.isAutomatic,
    attachments: mail.attachments,
  };

  const isReport = classification.isBounce || mail.contentType === "multipart/report";
  const found = await findTicketForMessage(threadKeys(mail, isReport), sender.address);
  let delivered: Delivered;
  if (found) {
    const result = await addFollowUp({
      ticketId: found.ticketId,
      scope: systemScope,
      senderEmail: sender.address,
      senderName: sender.name,
      article,
      actor,
      allowAutoResponse,
      now,
    });
    delivered = { ticketId: result.ticketId, number: result.number, articleId: result.articleId };
  } else {
    const queue = await findQueueForMessage({ hint: input.queueHint, recipients: mail.recipients });
    const ticket = await createTicket({
      customer: { email: sender.address, name: sender.name },
      title: mail.subject.trim().slice(0, 250),
      queueId: queue.id,
      scope: systemScope,
      article,
      actor,
      allowAutoResponse,
      now,
    });
    delivered = { ticketId: ticket.id, number: ticket.number, articleId: ticket.articleId };
  }

  await markBouncingRecipients({ mail, failedRecipients: classification.failedRecipients, now });
  return delivered;
}
