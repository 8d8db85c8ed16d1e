import type { Locale } from "../i18n/locales";
import { requestLink } from "./request-link";

/**
 * "My requests" sign-in: a single-use, short-lived link mailed to a known
 * customer address (by the queued job). Unknown addresses get nothing; the
 * caller answers the same.
 */
export async function requestMagicLink(options: {
  email: string;
  ip: string;
  locale: Locale;
  now?: Date;
}): Promise<void> {
  await requestLink({
    request: { kind: "magic", email: options.email, locale: options.locale },
    ip: options.ip,
    now: options.now,
  });
}
