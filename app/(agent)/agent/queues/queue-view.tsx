import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QueueTable } from "@/components/tickets/queue-table";
import { canWrite } from "@/lib/access/scope";
import { requireAgentScope } from "@/lib/auth/session";
import { listBulkOptions } from "@/lib/queue-view/bulk-options";
import { listQueueTickets } from "@/lib/queue-view/list-queue-tickets";
import { listViewQueues } from "@/lib/queue-view/list-view-queues";
import { queueViewSchema, type QueueView } from "@/lib/queue-view/schemas";
import { QueueFilters } from "./queue-filters";

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The view's URL: the queue's path with its filters (and `after`/`before` for another page). */
export function viewHref(queueId: number | undefined, view: Partial<QueueView>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(view)) {
    if (value === undefined || value === false || value === "") continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const query = params.toString();
  return `/agent/queues${queueId ? `/${queueId}` : ""}${query ? `?${query}` : ""}`;
}

/**
 * A queue view ("all my queues" without `queueId`): sorted, filtered and paged by the URL,
 * so a view can be bookmarked. A queue the agent cannot read is "not found".
 */
export async function QueueViewPage(props: { queueId?: number; searchParams: SearchParams }) {
  const { agent, scope } = await requireAgentScope();
  const t = await getTranslations("queueView");
  const view = queueViewSchema.parse(await props.searchParams);
  const queues = await listViewQueues({ scope });
  const queue = props.queueId ? queues.find((q) => q.id === props.queueId) : undefined;
  if (props.queueId && !queue) notFound();
  const now = new Date();
  const [page, bulkOptions] = await Promise.all([
    listQueueTickets({ scope, queueId: queue?.id, view, agentId: agent.id, now }),
    listBulkOptions({ scope }),
  ]);
  const canReorder = view.sort === "manual" && !!queue && canWrite(scope, queue.id);
  const filters = { ...view, after: undefined, before: undefined };
  const link = "text-blue-700 hover:underline dark:text-blue-400";
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">
        {queue ? t("queueTitle", { queue: queue.name }) : t("allTitle")}
      </h1>
      <nav aria-label={t("queues")} className="flex flex-wrap gap-2 text-sm">
        {[{ id: undefined, name: t("allTitle") }, ...queues].map((q) => (
          <Link
            key={q.id ?? "all"}
            href={viewHref(q.id, filters)}
            aria-current={q.id === queue?.id ? "page" : undefined}
            className="rounded border border-zinc-200 px-2 py-1 hover:bg-zinc-100 aria-[current=page]:bg-zinc-200 dark:border-zinc-800 dark:hover:bg-zinc-800 dark:aria-[current=page]:bg-zinc-800"
          >
            {q.name}
          </Link>
        ))}
      </nav>
      <QueueFilters view={view} agents={bulkOptions.agents} action={viewHref(queue?.id, {})} />
      {view.sort === "manual" && !queue && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("manualOnlyInQueue")}</p>
      )}
      {page.tickets.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <QueueTable
          tickets={page.tickets}
          canReorder={canReorder}
          bulkOptions={bulkOptions}
          now={now}
        />
      )}
      <nav aria-label={t("shown", { count: page.tickets.length })} className="flex gap-4 text-sm">
        {page.prevCursor && (
          <>
            <Link href={viewHref(queue?.id, filters)} className={link}>
              {t("first")}
            </Link>
            <Link
              href={viewHref(queue?.id, { ...filters, before: page.prevCursor })}
              rel="prev"
              className={link}
            >
              {t("previous")}
            </Link>
          </>
        )}
        {page.nextCursor && (
          <Link
            href={viewHref(queue?.id, { ...filters, after: page.nextCursor })}
            rel="next"
            className={link}
          >
            {t("next")}
          </Link>
        )}
      </nav>
    </div>
  );
}
