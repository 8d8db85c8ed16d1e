import Link from "next/link";
import { Button } from "@/components/ui/button";
import { requireAgentScope } from "@/lib/auth/session";
import { getMessages, localizedTitle } from "@/lib/i18n/server";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { NOTIFICATION_EVENTS, type NotificationEvent } from "@/lib/notifications/preferences";
import { markAllRead } from "./actions";

export const generateMetadata = localizedTitle((t) => t.notifications.title);

const isEvent = (type: string): type is NotificationEvent =>
  NOTIFICATION_EVENTS.includes(type as NotificationEvent);

export default async function NotificationsPage() {
  const { agent, scope } = await requireAgentScope();
  const { locale, t } = await getMessages();
  const notifications = await listNotifications({ scope, agentId: agent.id });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="max-w-3xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t.notifications.title}</h1>
        <form action={markAllRead}>
          <Button variant="secondary">{t.notifications.markAllRead}</Button>
        </form>
      </div>
      {notifications.length === 0 ? (
        <p>{t.notifications.empty}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {notifications.map((n) => (
            <li key={n.id} className={`py-3 ${n.readAt ? "text-zinc-500" : ""}`}>
              <div className="text-sm font-medium">
                {!n.readAt && (
                  <span className="mr-2 inline-block size-2 rounded-full bg-blue-600" aria-hidden />
                )}
                {isEvent(n.type) ? t.notifications.events[n.type] : n.type}
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
              <div className="text-xs text-zinc-500">{date.format(n.createdAt)}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
