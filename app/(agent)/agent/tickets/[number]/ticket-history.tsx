import { useFormatter, useTranslations } from "next-intl";
import type { HistoryLine } from "@/lib/tickets/describe-history";

/** The ticket's history as sentences (lib/tickets/describe-history.ts), folded until opened. */
export function TicketHistory({ lines }: { lines: HistoryLine[] }) {
  const t = useTranslations("zoom");
  const format = useFormatter();
  return (
    <details>
      <summary className="cursor-pointer text-lg font-semibold">{t("history")}</summary>
      <ol className="mt-2 space-y-1 text-sm">
        {lines.map((line) => (
          <li key={line.id}>
            <span className="text-zinc-600 dark:text-zinc-400">
              {format.dateTime(line.createdAt, "short")}
            </span>{" "}
            {line.text}
          </li>
        ))}
      </ol>
    </details>
  );
}
