"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { useTranslations } from "next-intl";
import { NOTIFICATION_EVENTS, type NotificationSettings } from "@/lib/notifications/preferences";
import { saveSettings } from "./actions";

export function SettingsForm({ settings }: { settings: NotificationSettings }) {
  const t = useTranslations("notifications");
  const common = useTranslations("common");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(saveSettings, null);
  return (
    <form action={action} className="space-y-4">
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="py-2">{t("event")}</th>
            <th className="py-2">{t("inApp")}</th>
            <th className="py-2">{t("byMail")}</th>
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_EVENTS.map((event) => (
            <tr key={event} className="border-b border-zinc-100 dark:border-zinc-900">
              <td className="py-2">{t(`events.${event}`)}</td>
              <td className="py-2">
                <input
                  type="checkbox"
                  name={`${event}.app`}
                  defaultChecked={settings[event].app}
                  aria-label={`${t(`events.${event}`)}: ${t("inApp")}`}
                />
              </td>
              <td className="py-2">
                <input
                  type="checkbox"
                  name={`${event}.mail`}
                  defaultChecked={settings[event].mail}
                  aria-label={`${t(`events.${event}`)}: ${t("byMail")}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {common("save")}
        </Button>
        {state?.ok && (
          <p role="status" className="text-sm text-green-700 dark:text-green-400">
            {t("saved")}
          </p>
        )}
        {state && !state.ok && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors(state.formError ?? "invalid")}
          </p>
        )}
      </div>
    </form>
  );
}
