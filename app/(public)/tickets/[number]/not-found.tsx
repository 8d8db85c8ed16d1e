import Link from "next/link";
import { PortalPage } from "@/components/portal/portal-header";
import { getMessages } from "@/lib/i18n/server";

export default async function CustomerTicketNotFound() {
  const { t } = await getMessages();
  return (
    <PortalPage back="/status">
      <h1 className="text-2xl font-bold sm:text-3xl">{t.portal.ticket.notFoundTitle}</h1>
      <p>{t.portal.ticket.notFoundText}</p>
      <p>
        <Link href="/status" className="text-blue-700 underline dark:text-blue-400">
          {t.portal.sent.statusLink}
        </Link>
      </p>
    </PortalPage>
  );
}
