import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { canWrite, type Scope } from "@/lib/access/scope";
import { findSimilarTickets } from "@/lib/search/similar-tickets";

/** The zoom page's query parameter naming the ticket to merge into (the merge dialog's hook). */
export const MERGE_INTO_PARAM = "merge-into";

interface Props {
  scope: Scope;
  ticket: { id: number; number: string; queueId: number; state: string };
}

/**
 * "Similar earlier tickets" of the zoom: up to five earlier tickets of the agent's queues
 * ranking highest against this one's title and first article (lib/search/similar-tickets.ts),
 * each with a link to merge this ticket into it. The merge itself (wt/collab) reads
 * `?merge-into=<number>` on this ticket's zoom page: MERGE_INTO_PARAM.
 */
export async function SimilarTickets({ scope, ticket }: Props) {
  const t = await getTranslations();
  const similar = await findSimilarTickets({ scope, ticketId: ticket.id });
  const mayMerge = canWrite(scope, ticket.queueId) && ticket.state !== "merged";
  return (
    <section aria-labelledby="similar-heading" className="space-y-2">
      <h2 id="similar-heading" className="text-lg font-semibold">
        {t("search.similarHeading")}
      </h2>
      {similar.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("search.similarEmpty")}</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="similar-tickets">
          {similar.map((other) => (
            <li key={other.id} className="flex flex-wrap items-baseline gap-x-3">
              <span className="font-mono">{other.number}</span>
              <Link
                href={`/agent/tickets/${other.number}`}
                className="text-blue-700 hover:underline dark:text-blue-400"
              >
                {other.title}
              </Link>
              <span className="text-zinc-600 dark:text-zinc-400">
                {t(`states.${other.state}`)} · {other.queue.name}
              </span>
              {mayMerge && (
                <Link
                  href={`/agent/tickets/${ticket.number}?${MERGE_INTO_PARAM}=${other.number}`}
                  className="text-blue-700 hover:underline dark:text-blue-400"
                >
                  {t("search.mergeInto", { number: other.number })}
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
