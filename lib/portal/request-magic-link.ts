import { config } from "../config";
import { normaliseEmail } from "../customers/find-or-create-customer";
import { db } from "../db";
import type { Locale } from "../i18n/translate";
import { checkRateLimits } from "./check-rate-limits";
import { mailCustomerLink } from "./mail-customer-link";

/**
 * "My requests" sign-in: a single-use, short-lived link mailed to a known
 * customer address. Unknown addresses get nothing; the caller answers the same.
 */
export async function requestMagicLink(options: {
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
  const customer = await db.customer.findUnique({ where: { email } });
  if (!customer) return;
  await mailCustomerLink({
    kind: "magic",
    customer,
    lifetimeMs: config.portalMagicLinkMinutes * 60_000,
    locale: options.locale,
    now,
  });
}
