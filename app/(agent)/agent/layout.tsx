import Link from "next/link";
import { signOut } from "@/auth";
import { LanguageSwitcher } from "@/components/language-switcher/language-switcher";
import { ThemeSwitcher } from "@/components/theme/theme-switcher";
import { KeyboardShortcuts } from "@/components/shortcuts/keyboard-shortcuts";
import { HeaderSearch } from "@/components/search/header-search";
import { requireAgentScope } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";

export default async function AgentLayout({ children }: { children: React.ReactNode }) {
  const { agent, scope } = await requireAgentScope();
  const t = await getTranslations();
  const unread = await countUnreadNotifications({ scope, agentId: agent.id });
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 bg-zinc-50 print:hidden dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/agent" className="font-semibold">
            {t("app.name")}
          </Link>
          <nav aria-label={t("nav.main")} className="flex flex-wrap gap-3 text-sm">
            <Link href="/agent" className="hover:underline">
              {t("nav.dashboard")}
            </Link>
            <Link href="/agent/queues" className="hover:underline">
              {t("queueView.nav")}
            </Link>
            <Link href="/agent/reports" className="hover:underline">
              {t("reports.nav")}
            </Link>
            <Link href="/agent/tickets/new/phone" className="hover:underline">
              {t("newTicket.phoneTitle")}
            </Link>
            <Link href="/agent/tickets/new/email" className="hover:underline">
              {t("newTicket.emailTitle")}
            </Link>
            <Link href="/agent/notifications" className="hover:underline">
              {t("nav.notifications")}
              {unread > 0 && (
                <span
                  className="ml-1 rounded-full bg-blue-700 px-1.5 text-xs text-white"
                  data-testid="unread-count"
                >
                  <span aria-hidden>{unread}</span>
                  <span className="sr-only">{t("nav.unread", { count: unread })}</span>
                </span>
              )}
            </Link>
            <Link href="/agent/settings/notifications" className="hover:underline">
              {t("nav.settings")}
            </Link>
            <Link href="/agent/settings/away" className="hover:underline">
              {t("away.nav")}
            </Link>
            <Link href="/agent/tokens" className="hover:underline">
              {t("nav.tokens")}
            </Link>
            {agent.role === "admin" && (
              <Link href="/agent/admin" className="hover:underline">
                {t("adminPeople.nav.administration")}
              </Link>
            )}
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <HeaderSearch />
            <span className="text-zinc-600 dark:text-zinc-400">
              {t("nav.signedInAs", { name: agent.name })}
            </span>
            <LanguageSwitcher />
            <ThemeSwitcher />
            <form
              action={async () => {
                "use server";
                await signOut({ redirectTo: "/login" });
              }}
            >
              <button className="rounded px-2 py-1 hover:bg-zinc-200 dark:hover:bg-zinc-800">
                {t("nav.signOut")}
              </button>
            </form>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
      <KeyboardShortcuts />
    </div>
  );
}
