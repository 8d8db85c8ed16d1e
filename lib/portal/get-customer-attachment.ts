import { db } from "../db";
import { CUSTOMER_VISIBLE_ARTICLE, customerTicketScope } from "./customer-scope";
import type { CustomerSession } from "./get-customer-session";

/** An attachment's bytes, only from a customer-visible article of the session's ticket. */
export async function getCustomerAttachment(options: {
  session: CustomerSession;
  number: string;
  attachmentId: number;
}) {
  if (!Number.isSafeInteger(options.attachmentId) || options.attachmentId <= 0) return null;
  const attachment = await db.attachment.findFirst({
    where: {
      id: options.attachmentId,
      article: {
        ...CUSTOMER_VISIBLE_ARTICLE,
        ticket: { number: options.number, ...customerTicketScope(options.session) },
      },
    },
    select: { filename: true, contentType: true, size: true, content: true },
  });
  if (!attachment?.content) return null;
  return { ...attachment, content: attachment.content };
}
