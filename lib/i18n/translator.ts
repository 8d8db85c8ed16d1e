// Request-independent translation for background jobs (mail) and tests: the same
// catalogues and formats as the pages, without next/headers.
// use-intl/core (next-intl's own core, no React): jobs and scripts run this under the
// react-server condition, where next-intl's root entry would load client React.
import { createFormatter, createTranslator } from "use-intl/core";
import { config } from "../config";
import { catalogues } from "./catalogues";
import { formats } from "./formats";
import type { Locale } from "./locales";

/** Translator over the whole catalogue of `locale`; dates in TIME_ZONE (default UTC). */
export function getTranslator(locale: Locale) {
  return createTranslator({
    locale,
    messages: catalogues[locale],
    formats,
    timeZone: config.timeZone,
  });
}

/** Dates, relative times and numbers of `locale`, formatted as on the pages. */
export function getFormatter(locale: Locale, now?: Date) {
  return createFormatter({ locale, formats, timeZone: config.timeZone, now });
}
