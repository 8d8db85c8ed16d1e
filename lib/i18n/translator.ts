// Request-independent translation for background jobs (mail) and tests: the same
// catalogues and formats as the pages, without next/headers; dates in TIME_ZONE.
import { config } from "../config";
import { catalogueFormatter, catalogueTranslator } from "./catalogue-translator";
import type { Locale } from "./locales";

/**
 * Translator over the whole catalogue of `locale`; dates in `timeZone` (the desk's setting,
 * lib/settings; default TIME_ZONE, else UTC).
 */
export function getTranslator(locale: Locale, timeZone = config.timeZone) {
  return catalogueTranslator(locale, timeZone);
}

/** Dates, relative times and numbers of `locale`, formatted as on the pages. */
export function getFormatter(locale: Locale, now?: Date, timeZone = config.timeZone) {
  return catalogueFormatter(locale, timeZone, now);
}
