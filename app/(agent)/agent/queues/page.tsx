import { localizedTitle } from "@/lib/i18n/server";
import { QueueViewPage, type SearchParams } from "./queue-view";

export const generateMetadata = localizedTitle((t) => t("queueView.allTitle"));

/** "All my queues": every queue the agent reads, in one view. */
export default async function AllQueuesPage({ searchParams }: { searchParams: SearchParams }) {
  return <QueueViewPage searchParams={searchParams} />;
}
