import { config } from "../../config";
import { getFormatter, getTranslator } from "../../i18n/translator";
import type { Locale } from "../../i18n/locales";
import { describeHistory } from "../describe-history";
import { isTicketState } from "../states";
import type { ArchiveLabels } from "./ticket-archive-entries";

/**
 * The archive's words in `locale` (messages: `archive`, `articles`, `states`; the
 * history as the zoom writes it), times in `timeZone` — the archive is read outside
 * the desk, so it says everything in words, never codes.
 */
export function archiveLabels(locale: Locale, timeZone = config.timeZone): ArchiveLabels {
  const t = getTranslator(locale, timeZone);
  const format = getFormatter(locale, undefined, timeZone);
  return {
    label: (key) => t(`archive.labels.${key}`),
    kind: (channel, direction) => t("articles.kind", { channel, direction }),
    state: (state) => (isTicketState(state) ? t(`states.${state}`) : state),
    time: (date) => format.dateTime(date, "long"),
    history: (entries, names) => describeHistory({ entries, names, locale, timeZone }),
  };
}
