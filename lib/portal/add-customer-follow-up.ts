import { customerIntakeScope } from "../access/intake-scope";
import { getSettings } from "../settings/get-settings";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { addFollowUp } from "../tickets/add-follow-up";
import { checkRateLimits } from "./check-rate-limits";
import { customerTicketScope } from "./customer-scope";
import type { CustomerSession } from "./get-customer-session";
import { readAttachments } from "./read-attachments";
import type { FollowUpInput } from "./schemas";

/**
 * A customer's message on their ticket (web article from the customer):
 * reopens a pending or closed ticket per the queue's follow-up policy, or
 * starts a new linked ticket, and notifies the owner (addFollowUp).
 */
export async function addCustomerFollowUp(options: {
  session: CustomerSession;
  number: string;
  input: FollowUpInput;
  ip: string;
  now?: Date;
}) {
  const { session, input } = options;
  const ticket = await db.ticket.findFirst({
    where: { number: options.number, ...customerTicketScope(session) },
    select: { id: true, title: true },
  });
  if (!ticket) throw new NotFoundError();
  const settings = await getSettings();
  await checkRateLimits({
    scope: "portal-request",
    ip: options.ip,
    email: session.email,
    perIp: settings.portalRequestsPerIpHour,
    perAddress: settings.portalRequestsPerAddressHour,
    now: options.now,
  });
  const subject = /^re:/i.test(ticket.title) ? ticket.title : `Re: ${ticket.title}`;
  const result = await addFollowUp({
    ticketId: ticket.id,
    // The customer's right was proven above (customerTicketScope).
    scope: customerIntakeScope,
    senderEmail: session.email,
    actor: { kind: "customer", customerId: session.customerId, email: session.email },
    now: options.now,
    article: {
      channel: "web",
      direction: "in",
      visibleToCustomer: true,
      subject,
      text: input.body,
      fromAddress: session.email,
      attachments: await readAttachments(input.attachments),
    },
  });
  return { number: result.number, isNewTicket: result.newTicket };
}
