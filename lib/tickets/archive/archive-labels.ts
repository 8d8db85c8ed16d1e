import { getFormatter, getTranslator } from "../../i18n/translator";
import type { Locale } from "../../i18n/locales";
import { isTicketState } from "../states";
import type { ArchiveLabels } from "./ticket-archive-entries";

/**
 * The archive's words in `locale` (messages: `archive`, `zoom`, `states`), times
 * in the desk's time zone — the archive is read outside the desk, so it says
 * everything in words, never codes.
 */
export function archiveLabels(locale: Locale): ArchiveLabels {
  const t = getTranslator(locale);
  const format = getFormatter(locale);
  const value = (v: string) =>
    isTicketState(v)
      ? t(`states.${v}`)
      : /^\d{4}-\d\d-\d\dT/.test(v) && !Number.isNaN(Date.parse(v))
        ? format.dateTime(new Date(v), "long")
        : v;
  return {
    label: (key) => t(`archive.labels.${key}`),
    kind: (channel, direction) => t("archive.kind", { channel, direction }),
    state: (state) => (isTicketState(state) ? t(`states.${state}`) : state),
    time: (date) => format.dateTime(date, "long"),
    history: (entry) =>
      [
        entry.actorName,
        "—",
        t("zoom.historyType", { type: entry.type }),
        entry.oldValue !== null ? `${value(entry.oldValue)} →` : "",
        entry.newValue !== null ? value(entry.newValue) : "",
      ]
        .filter(Boolean)
        .join(" "),
  };
}
