// The catalogues' translator and formatter for a given time zone, without the desk's
// configuration (no server-only import): browser tests use it as the app's text source.
// use-intl/core (next-intl's own core, no React): jobs and scripts run this under the
// react-server condition, where next-intl's root entry would load client React.
import { createFormatter, createTranslator } from "use-intl/core";
import { catalogues } from "./catalogues";
import { formats } from "./formats";
import type { Locale } from "./locales";

/** Translator over the whole catalogue of `locale`; dates in the IANA zone `timeZone`. */
export function catalogueTranslator(locale: Locale, timeZone: string) {
  return createTranslator({ locale, messages: catalogues[locale], formats, timeZone });
}

/** Dates, relative times and numbers of `locale` in `timeZone`, formatted as on the pages. */
export function catalogueFormatter(locale: Locale, timeZone: string, now?: Date) {
  return createFormatter({ locale, formats, timeZone, now });
}
