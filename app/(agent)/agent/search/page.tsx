import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SearchFilterForm } from "@/components/search/search-filter-form";
import { SearchSnippet } from "@/components/search/search-snippet";
import { requireAgentScope } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { localizedTitle } from "@/lib/i18n/server";
import { findTicketNumber } from "@/lib/search/find-ticket-number";
import { listSearchFilterOptions } from "@/lib/search/search-filter-options";
import {
  hasFilters,
  parseSearchParams,
  searchFilters,
  type SearchParams,
} from "@/lib/search/search-params";
import { searchTickets, type SearchTicketsInput } from "@/lib/search/search-tickets";
import { getSettings } from "@/lib/settings/get-settings";

export const generateMetadata = localizedTitle((t) => t("search.title"));

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The URL of a search: the same view state with another cursor (none: the first page). */
function searchUrl(params: SearchParams, cursor?: string) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...params, cursor }))
    if (value !== undefined && value !== "") query.set(key, String(value));
  return `/agent/search?${query}`;
}

// A cursor the search did not hand out (an edited URL) starts again at the first page.
async function search(input: SearchTicketsInput) {
  try {
    return await searchTickets(input);
  } catch (error) {
    if (!(error instanceof UserFacingError) || !input.cursor) throw error;
    return searchTickets({ ...input, cursor: null });
  }
}

/** Full-text search over the agent's queues; the view state (words, filters, page) is the URL. */
export default async function SearchPage({ searchParams }: Props) {
  const { scope } = await requireAgentScope();
  const t = await getTranslations("search");
  const tAll = await getTranslations();
  const format = await getFormatter();
  const params = parseSearchParams(await searchParams);
  const query = params.q ?? "";
  if (query && !hasFilters(params)) {
    const number = await findTicketNumber({ scope, query });
    if (number) redirect(`/agent/tickets/${number}`);
  }
  const [options, result] = await Promise.all([
    listSearchFilterOptions({ scope }),
    query
      ? search({
          scope,
          query,
          filters: searchFilters(params, (await getSettings()).timeZone),
          cursor: params.cursor,
        })
      : null,
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t("heading")}</h1>
      <SearchFilterForm params={params} options={options} />
      {!result ? (
        <p className="text-zinc-600 dark:text-zinc-400">{t("emptyQuery")}</p>
      ) : (
        <section aria-labelledby="results-heading" className="space-y-3">
          <h2 id="results-heading" className="text-lg font-semibold">
            {t("results")}
          </h2>
          <p role="status" data-testid="search-total">
            {result.totalCapped
              ? t("totalCapped", { count: result.total })
              : t("total", { count: result.total })}
          </p>
          {result.hits.length === 0 && params.cursor === undefined && (
            <p className="text-zinc-600 dark:text-zinc-400">{t("noResults")}</p>
          )}
          <ol className="divide-y divide-zinc-100 dark:divide-zinc-900">
            {result.hits.map((hit) => (
              <li key={hit.id} className="space-y-1 py-3">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-mono text-sm">{hit.number}</span>
                  <Link
                    href={`/agent/tickets/${hit.number}`}
                    className="font-medium text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {hit.title}
                  </Link>
                  <span className="text-sm text-zinc-600 dark:text-zinc-400">
                    {tAll(`states.${hit.state}`)} · {hit.queue.name} · {hit.customer.email} ·{" "}
                    {t("updated")} {format.dateTime(hit.updatedAt, "short")}
                  </span>
                </div>
                <SearchSnippet parts={hit.snippet} />
              </li>
            ))}
          </ol>
          <nav className="flex gap-4 text-sm">
            {params.cursor !== undefined && (
              <Link
                href={searchUrl(params)}
                className="text-blue-700 hover:underline dark:text-blue-400"
              >
                {t("firstPage")}
              </Link>
            )}
            {result.prevCursor && (
              <Link
                href={searchUrl(params, result.prevCursor)}
                className="text-blue-700 hover:underline dark:text-blue-400"
                rel="prev"
              >
                {t("previousPage")}
              </Link>
            )}
            {result.nextCursor && (
              <Link
                href={searchUrl(params, result.nextCursor)}
                className="text-blue-700 hover:underline dark:text-blue-400"
                rel="next"
              >
                {t("nextPage")}
              </Link>
            )}
          </nav>
        </section>
      )}
    </div>
  );
}
