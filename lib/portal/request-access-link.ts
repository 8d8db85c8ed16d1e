import type { Locale } from "../i18n/locales";
import { requestLink } from "./request-link";

/**
 * Status lookup. When the number and address belong together, an access link
 * to that ticket is mailed to the address (by the queued job); otherwise
 * nothing happens. The caller answers the same either way, so the lookup
 * reveals nothing.
 */
export async function requestAccessLink(options: {
  number: string;
  email: string;
  ip: string;
  locale: Locale;
  now?: Date;
}): Promise<void> {
  await requestLink({
    request: {
      kind: "access",
      number: options.number.trim(),
      email: options.email,
      locale: options.locale,
    },
    ip: options.ip,
    now: options.now,
  });
}
