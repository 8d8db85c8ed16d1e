// Request-independent translation for background jobs (mail) and tests: the same
// catalogues and formats as the pages, without next/headers; dates in TIME_ZONE.
import { config } from "../config";
import { catalogueFormatter, catalogueTranslator } from "./catalogue-translator";
import type { Locale } from "./locales";

/** Translator over the whole catalogue of `locale`; dates in TIME_ZONE (default UTC). */
export function getTranslator(locale: Locale) {
  return catalogueTranslator(locale, config.timeZone);
}

/** Dates, relative times and numbers of `locale`, formatted as on the pages. */
export function getFormatter(locale: Locale, now?: Date) {
  return catalogueFormatter(locale, config.timeZone, now);
}
