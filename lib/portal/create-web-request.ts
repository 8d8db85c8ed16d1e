import { customerIntakeScope } from "../access/intake-scope";
import { getSettings } from "../settings/get-settings";
import { findOrCreateCustomer } from "../customers/find-or-create-customer";
import { db } from "../db";
import { UserFacingError } from "../errors";
import type { Locale } from "../i18n/locales";
import { createTicket } from "../tickets/create-ticket";
import { checkRateLimits } from "./check-rate-limits";
import { readAttachments } from "./read-attachments";
import type { RequestInput } from "./schemas";

export interface CreateWebRequestOptions {
  input: RequestInput;
  /** The hidden field people never see; bots fill it. */
  honeypot?: string | null;
  ip: string;
  locale: Locale;
  now?: Date;
}

/**
 * A request from the public form: spam checks (honeypot, rate limits per IP and
 * address), then the ticket with its first web article, history and the
 * confirmation (auto-response) job in one transaction (createTicket). Only
 * public, active queues are accepted as the topic.
 */
export async function createWebRequest(options: CreateWebRequestOptions) {
  const { input } = options;
  if (options.honeypot) throw new UserFacingError("rejected", "bad_request");
  const settings = await getSettings();
  await checkRateLimits({
    scope: "portal-request",
    ip: options.ip,
    email: input.email,
    perIp: settings.portalRequestsPerIpHour,
    perAddress: settings.portalRequestsPerAddressHour,
    now: options.now,
  });
  const queue = await db.queue.findFirst({
    where: { id: input.topic, isPublic: true, active: true },
  });
  if (!queue) throw new UserFacingError("topic", "validation", { topic: ["topic"] });

  const customer = await findOrCreateCustomer({ email: input.email, name: input.name });
  // The confirmation goes out in the language the customer wrote in, unless they chose one.
  if (!customer.locale) {
    await db.customer.update({ where: { id: customer.id }, data: { locale: options.locale } });
    customer.locale = options.locale;
  }
  const ticket = await createTicket({
    customer,
    title: input.subject,
    queueId: queue.id,
    // A public topic's queue, chosen above; customers write by intake, never by queue permission.
    scope: customerIntakeScope,
    actor: { kind: "customer", customerId: customer.id, email: customer.email },
    now: options.now,
    article: {
      channel: "web",
      direction: "in",
      visibleToCustomer: true,
      subject: input.subject,
      text: input.body,
      fromAddress: customer.email,
      authorCustomerId: customer.id,
      attachments: await readAttachments(input.attachments),
    },
  });
  return { number: ticket.number };
}
