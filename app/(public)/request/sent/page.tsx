import Link from "next/link";
import { notFound } from "next/navigation";
import { PortalPage } from "@/components/portal/portal-header";
import { getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { isValidTicketNumber } from "@/lib/tickets/ticket-number";

export const generateMetadata = localizedTitle((t) => t("portal.sent.title"));

/** After a request: the number and what happens next. Shows only what the URL carries. */
export default async function RequestSentPage({
  searchParams,
}: {
  searchParams: Promise<{ number?: string }>;
}) {
  const { number } = await searchParams;
  if (typeof number !== "string" || !isValidTicketNumber(number)) notFound();
  const t = await getTranslations();
  return (
    <PortalPage back="/request/sent">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("portal.sent.title")}</h1>
      <div
        role="status"
        className="rounded-lg border border-green-300 bg-green-50 p-4 dark:border-green-800 dark:bg-green-950"
      >
        <p className="text-sm">{t("portal.sent.number")}</p>
        <p className="font-mono text-2xl font-semibold tracking-wide" data-testid="ticket-number">
          {number}
        </p>
      </div>
      <ul className="list-disc space-y-2 pl-5">
        <li>{t("portal.sent.confirmation")}</li>
        <li>{t("portal.sent.reply")}</li>
        <li>{t("portal.sent.status")}</li>
      </ul>
      <p className="flex flex-wrap gap-4">
        <Link href="/status" className="text-blue-700 underline dark:text-blue-400">
          {t("portal.sent.statusLink")}
        </Link>
        <Link href="/request" className="text-blue-700 underline dark:text-blue-400">
          {t("portal.sent.another")}
        </Link>
      </p>
    </PortalPage>
  );
}
