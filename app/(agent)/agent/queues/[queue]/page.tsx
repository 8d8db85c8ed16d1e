import { notFound } from "next/navigation";
import { localizedTitle } from "@/lib/i18n/server";
import { QueueViewPage, type SearchParams } from "../queue-view";

export const generateMetadata = localizedTitle((t) => t("queueView.nav"));

/** One queue's view, by queue id: `/agent/queues/3?sort=manual`. */
export default async function QueuePage(props: {
  params: Promise<{ queue: string }>;
  searchParams: SearchParams;
}) {
  const id = Number((await props.params).queue);
  if (!Number.isInteger(id) || id <= 0) notFound();
  return <QueueViewPage queueId={id} searchParams={props.searchParams} />;
}
