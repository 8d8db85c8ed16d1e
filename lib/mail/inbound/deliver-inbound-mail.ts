import type { Actor } from "../../actor";
import { findOrCreateCustomer } from "../../customers/find-or-create-customer";
import { db } from "../../db";
import { systemScope } from "../../access/system-scope";
import { addFollowUp } from "../../tickets/add-follow-up";
import { createTicket } from "../../tickets/create-ticket";
import type { NewArticle } from "../../tickets/write-article";
import { loadQueueAddresses, ownAddressesOf } from "../own-addresses";
import { classifyMessage } from "./classify-message";
import { findForwardedSender } from "./find-forwarded-sender";
import { findQueueForMessage } from "./find-queue-for-message";
import { findTicketForMessage, threadKeys } from "./find-ticket-for-message";
import { formatAddress, type InboundMail, type MailAddress } from "./inbound-mail";
import { markBouncingRecipients } from "./mark-bouncing-recipients";
import { sanitizeMailHtml } from "./sanitize-html";
import { isCustomerAddress } from "../../customers/is-customer-address";

/** Customer for mail that names no sender at all: kept, never answered. */
export const UNKNOWN_SENDER = "unknown-sender@invalid";

export interface Delivered {
  ticketId: number;
  number: string;
  articleId: number;
}

/** The article fields of an inbound mail (also used to re-decode a stored one in place). */
export function articleFieldsOf(mail: InboundMail, sender: MailAddress) {
  return {
    subject: mail.subject,
    text: mail.text,
    html: mail.html ? sanitizeMailHtml(mail.html) : null,
    fromAddress: formatAddress(sender),
    toAddress: mail.to.map(formatAddress).join(", "),
    cc: mail.cc.map(formatAddress).join(", "),
  };
}

/** The customer record of a desk address, flagged so that it is never mailed. */
async function deskCustomer(sender: MailAddress) {
  const desk = await findOrCreateCustomer({ email: sender.address, name: sender.name });
  return desk.isDeskAddress
    ? desk
    : db.customer.update({ where: { id: desk.id }, data: { isDeskAddress: true } });
}

/**
 * Who a new ticket from this sender belongs to. A desk address is never a
 * customer who gets mail (DESIGN "Own addresses"): a readable forward belongs
 * to its original sender, anything else to the desk's own customer record.
 */
async function customerForNewTicket(mail: InboundMail, sender: MailAddress, own: Set<string>) {
  if (!own.has(sender.address))
    return findOrCreateCustomer({ email: sender.address, name: sender.name });
  const original = findForwardedSender(mail);
  if (original && !own.has(original.address))
    return findOrCreateCustomer({ email: original.address, name: original.name });
  return deskCustomer(sender);
}

/**
 * Turns a parsed, non-duplicate mail into a follow-up (threaded per DESIGN)
 * or a new ticket in the queue of its recipient address. Automatic mail
 * (auto-replies, reports, machine senders) is stored and marked but reopens
 * nothing; it, mail asking not to be answered and mail from the desk's own
 * addresses never get an auto-response. A bounce of our own mail marks its
 * failed recipients as bouncing; an ordinary mail from a customer shows their
 * address works again and clears the mark.
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
  // One read for both: whose address sent it, and which queue a new ticket goes to.
  const queueAddresses = await loadQueueAddresses();
  const own = ownAddressesOf(queueAddresses);
  const isOwnAddress = own.has(sender.address);
  const allowAutoResponse = !classification.isNoAutoResponse && !!mail.from && !isOwnAddress;

  const found = await findTicketForMessage(
    threadKeys(mail, classification.isBounce || mail.contentType === "multipart/report"),
    sender.address,
  );
  // The sender's record on a follow-up (the ticket keeps its customer), else the new ticket's.
  const customer = !found
    ? await customerForNewTicket(mail, sender, own)
    : isOwnAddress
      ? await deskCustomer(sender)
      : await findOrCreateCustomer({ email: sender.address, name: sender.name });
  if (customer.bouncingAt && allowAutoResponse && customer.email === sender.address) {
    // A customer's own ordinary mail: their address works. Cleared before the
    // ticket is written, so this mail gets its auto-response again.
    await db.customer.update({ where: { id: customer.id }, data: { bouncingAt: null } });
    customer.bouncingAt = null;
  }
  // Mail from a desk address is never the customer's own words (From can be forged).
  const isCustomersOwn = !isOwnAddress && (await isCustomerAddress(db, customer, sender.address));
  const actor: Actor = { kind: "customer", customerId: customer.id, email: sender.address };
  const article: NewArticle = {
    channel: "email",
    direction: "in",
    visibleToCustomer: isCustomersOwn,
    ...articleFieldsOf(mail, sender),
    messageId: mail.messageId,
    inReplyTo: mail.inReplyTo,
    references: mail.references.length ? mail.references.join(" ") : null,
    contentHash: input.contentHash,
    isAutomatic: classification.isAutomatic,
    isForeignSender: !isCustomersOwn,
    authorCustomerId: isCustomersOwn ? customer.id : null,
    attachments: mail.attachments,
  };

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
      isOwnAddress,
      now,
    });
    delivered = { ticketId: result.ticketId, number: result.number, articleId: result.articleId };
  } else {
    const queue = await findQueueForMessage({
      hint: input.queueHint,
      recipients: mail.recipients,
      queueAddresses,
    });
    const ticket = await createTicket({
      customer,
      title: mail.subject.trim().slice(0, 250),
      queueId: queue.id,
      scope: systemScope,
      article,
      actor,
      allowAutoResponse,
      isCustomerContact: isCustomersOwn,
      now,
    });
    delivered = { ticketId: ticket.id, number: ticket.number, articleId: ticket.articleId };
  }

  await markBouncingRecipients({ mail, failedRecipients: classification.failedRecipients, now });
  return delivered;
}
