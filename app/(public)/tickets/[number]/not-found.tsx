import Link from "next/link";
import { PortalPage } from "@/components/portal/portal-header";
import { getTranslations } from "next-intl/server";

export default async function CustomerTicketNotFound() {
  const t = await getTranslations();
  return (
    <PortalPage back="/status">
      <h1 className="text-2xl font-bold sm:text-3xl">{t("portal.ticket.notFoundTitle")}</h1>
      <p>{t("portal.ticket.notFoundText")}</p>
      <p>
        <Link href="/status" className="text-blue-700 underline dark:text-blue-400">
          {t("portal.sent.statusLink")}
        </Link>
      </p>
    </PortalPage>
  );
}
