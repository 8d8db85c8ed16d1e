import { config } from "../config";
import { normaliseEmail } from "../customers/find-or-create-customer";
import { db } from "../db";
import type { Locale } from "../i18n/translate";
import { checkRateLimits } from "./check-rate-limits";
import { mailCustomerLink } from "./mail-customer-link";

/**
 * Status lookup. When the number and address belong together, an access link
 * to that ticket is mailed to the address; otherwise nothing happens. The caller
 * answers the same either way, so the lookup reveals nothing.
 */
export async function requestAccessLink(options: {
  number: string;
  email: string;
  ip: string;
  locale: Locale;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  const email = normaliseEmail(options.email);
  await checkRateLimits({
    scope: "portal-link",
    ip: options.ip,
    email,
    perIp: config.portalLinksPerIpHour,
    perAddress: config.portalLinksPerAddressHour,
    now,
  });
  const ticket = await db.ticket.findFirst({
    where: { number: options.number.trim(), customer: { email } },
    include: { customer: true },
  });
  if (!ticket) return;
  await mailCustomerLink({
    kind: "access",
    customer: ticket.customer,
    ticket,
    lifetimeMs: config.portalAccessLinkDays * 86_400_000,
    locale: options.locale,
    now,
  });
}
