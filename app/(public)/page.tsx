import Link from "next/link";
import { PortalPage } from "@/components/portal/portal-header";
import { getTranslations } from "next-intl/server";

export default async function HomePage() {
  const t = await getTranslations();
  const entries = [
    { href: "/request", label: t("portal.home.newRequest") },
    { href: "/status", label: t("portal.home.status") },
    { href: "/my-requests", label: t("portal.home.myRequests") },
  ];
  return (
    <PortalPage back="/">
      <h1 className="text-3xl font-bold">{t("home.title")}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t("home.intro")}</p>
      <ul className="grid gap-3 sm:grid-cols-3">
        {entries.map((entry) => (
          <li key={entry.href}>
            <Link
              href={entry.href}
              className="block h-full rounded-lg border border-zinc-200 p-4 font-medium text-blue-700 hover:border-blue-400 hover:bg-blue-50 dark:border-zinc-800 dark:text-blue-400 dark:hover:bg-blue-950/40"
            >
              {entry.label}
            </Link>
          </li>
        ))}
      </ul>
      <p className="text-sm">
        <Link href="/login" className="text-zinc-600 underline dark:text-zinc-400">
          {t("home.agentLogin")}
        </Link>
      </p>
    </PortalPage>
  );
}
