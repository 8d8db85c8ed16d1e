import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The zoom's "keep the record" links: the print view and the archive download (issue 16). */
export async function TicketRecordLinks({ number }: { number: string }) {
  const t = await getTranslations("archive");
  return (
    <nav className="flex flex-wrap gap-3 text-sm print:hidden" aria-label={t("label")}>
      <Link href={`/agent/tickets/${number}/print`} className="underline hover:no-underline">
        {t("print")}
      </Link>
      {/* A plain link: the route answers a zip with Content-Disposition: attachment. */}
      <a
        href={`/agent/tickets/${number}/archive`}
        download
        className="underline hover:no-underline"
      >
        {t("download")}
      </a>
    </nav>
  );
}
