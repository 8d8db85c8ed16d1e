import { requireAgent } from "@/lib/auth/session";
import { getMessages, localizedTitle } from "@/lib/i18n/server";
import { getNotificationSettings } from "@/lib/notifications/notification-settings";
import { SettingsForm } from "./settings-form";

export const generateMetadata = localizedTitle((t) => t.notifications.settingsTitle);

export default async function NotificationSettingsPage() {
  const agent = await requireAgent();
  const { t } = await getMessages();
  const settings = await getNotificationSettings(agent.id);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t.notifications.settingsTitle}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">{t.notifications.settingsIntro}</p>
      <SettingsForm
        t={t.notifications}
        errors={t.agentErrors}
        saveLabel={t.common.save}
        settings={settings}
      />
    </div>
  );
}
