import Link from "next/link";
import { Button } from "@/components/ui/button";
import { requireAgentScope } from "@/lib/auth/session";
import { getFormatter, getTranslations } from "next-intl/server";
import { localizedTitle } from "@/lib/i18n/server";
import { ACCOUNT_FAILING, ACCOUNT_WORKING } from "@/lib/mail/accounts/record-fetch-result";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { NOTIFICATION_EVENTS, type NotificationEvent } from "@/lib/notifications/preferences";
import { markAllRead } from "./actions";

export const generateMetadata = localizedTitle((t) => t("notifications.title"));

const isEvent = (type: string): type is NotificationEvent =>
  NOTIFICATION_EVENTS.includes(type as NotificationEvent);

export default async function NotificationsPage() {
  const { agent, scope } = await requireAgentScope();
  const t = await getTranslations();
  const format = await getFormatter();
  const notifications = await listNotifications({ scope, agentId: agent.id });
  const now = new Date();
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("notifications.title")}</h1>
        <form action={markAllRead}>
          <Button variant="secondary">{t("notifications.markAllRead")}</Button>
        </form>
      </div>
      {notifications.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {notifications.map((n) => (
            <li key={n.id} className={`py-3 ${n.readAt ? "text-zinc-500" : ""}`}>
              <div className="text-sm font-medium">
                {!n.readAt && (
                  <span className="mr-2 inline-block size-2 rounded-full bg-blue-600" aria-hidden />
                )}
                {isEvent(n.type)
                  ? t(`notifications.events.${n.type}`)
                  : n.type === ACCOUNT_FAILING
                    ? t("mailAccounts.failingNotice")
                    : n.type === ACCOUNT_WORKING
                      ? t("mailAccounts.workingNotice")
                      : n.type}
              </div>
              <div>
                {n.ticket ? (
                  <Link
                    href={`/agent/tickets/${n.ticket.number}`}
                    className="text-blue-700 hover:underline dark:text-blue-400"
                  >
                    {n.message}
                  </Link>
                ) : (
                  n.message
                )}
              </div>
              <time
                dateTime={n.createdAt.toISOString()}
                title={format.dateTime(n.createdAt, "short")}
                className="text-xs text-zinc-500"
              >
                {format.relativeTime(n.createdAt, now)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
