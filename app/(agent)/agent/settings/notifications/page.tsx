import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { requireAgent } from "@/lib/auth/session";
import { localizedTitle } from "@/lib/i18n/server";
import { DEFAULT_LOCALE, LOCALES, localeOr } from "@/lib/i18n/locales";
import { getNotificationSettings } from "@/lib/notifications/notification-settings";
import { saveLanguage } from "./actions";
import { SettingsForm } from "./settings-form";

export const generateMetadata = localizedTitle((t) => t("notifications.settingsTitle"));

/** The agent's settings: their language, then what they are notified about. */
export default async function NotificationSettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ language?: string }>;
}) {
  const agent = await requireAgent();
  const t = await getTranslations();
  const settings = await getNotificationSettings(agent.id);
  const language = localeOr(agent.locale, DEFAULT_LOCALE);
  const saved = (await searchParams).language === "saved";
  return (
    <div className="max-w-2xl space-y-6">
      <section aria-labelledby="language-heading" className="space-y-3">
        <h1 id="language-heading" className="text-2xl font-bold">
          {t("settings.languageTitle")}
        </h1>
        <p className="text-zinc-600 dark:text-zinc-400">{t("settings.languageIntro")}</p>
        <form action={saveLanguage} className="flex flex-wrap items-end gap-3">
          <fieldset className="flex gap-4">
            <legend className="sr-only">{t("settings.languageTitle")}</legend>
            {LOCALES.map((l) => (
              <label key={l} className="flex items-center gap-2" lang={l}>
                <input type="radio" name="locale" value={l} defaultChecked={l === language} />
                {t(`language.${l}`)}
              </label>
            ))}
          </fieldset>
          <Button type="submit">{t("common.save")}</Button>
        </form>
        {saved && (
          <p role="status" className="text-sm text-green-700 dark:text-green-400">
            {t("settings.languageSaved", { language: t(`language.${language}`) })}
          </p>
        )}
      </section>
      <section aria-labelledby="notifications-heading" className="space-y-3">
        <h2 id="notifications-heading" className="text-xl font-bold">
          {t("notifications.settingsTitle")}
        </h2>
        <p className="text-zinc-600 dark:text-zinc-400">{t("notifications.settingsIntro")}</p>
        <SettingsForm settings={settings} />
      </section>
    </div>
  );
}
