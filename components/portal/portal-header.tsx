import Link from "next/link";
import { LanguageSwitcher } from "@/components/language-switcher/language-switcher";
import { getTranslations } from "next-intl/server";

/** Header of the customer pages: home, the three portal entries and the language switcher. */
export async function PortalHeader({ back }: { back: string }) {
  const t = await getTranslations();
  const links = [
    { href: "/request", label: t("portal.nav.newRequest") },
    { href: "/status", label: t("portal.nav.status") },
    { href: "/my-requests", label: t("portal.nav.myRequests") },
  ];
  return (
    <header className="mb-8 flex flex-wrap items-center justify-between gap-3 border-b border-zinc-200 pb-4 dark:border-zinc-800">
      <Link href="/" className="text-lg font-semibold">
        {t("portal.nav.home")}
      </Link>
      <nav aria-label={t("portal.nav.label")}>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {links.map((link) => (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={back === link.href ? "page" : undefined}
                className="text-blue-700 underline-offset-4 hover:underline aria-[current=page]:font-semibold aria-[current=page]:underline dark:text-blue-400"
              >
                {link.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <LanguageSwitcher />
    </header>
  );
}

/** Page frame of the customer pages. */
export async function PortalPage({ back, children }: { back: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-6 sm:py-10">
      <PortalHeader back={back} />
      <main id="main" className="space-y-6">
        {children}
      </main>
    </div>
  );
}
