"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { LOCALES } from "@/lib/i18n/locales";
import { saveSettings } from "./actions";

type Label = Parameters<ReturnType<typeof useTranslations<"adminDesk.settings">>>[0];

const GROUPS: { legend: Label; fields: { name: string; hint?: boolean }[] }[] = [
  {
    legend: "attachments",
    fields: [
      { name: "attachmentMaxCount" },
      { name: "attachmentMaxMegabytes" },
      { name: "attachmentExtensions", hint: true },
    ],
  },
  {
    legend: "limits",
    fields: [
      { name: "portalRequestsPerIpHour" },
      { name: "portalRequestsPerAddressHour" },
      { name: "portalLinksPerIpHour" },
      { name: "portalLinksPerAddressHour" },
      { name: "autoMailDailyCap", hint: true },
    ],
  },
  {
    legend: "work",
    fields: [
      { name: "lockTimeoutMinutes", hint: true },
      { name: "finishedJobsRetentionDays" },
      { name: "inboundRawRetentionDays", hint: true },
    ],
  },
];

export function SettingsForm({
  initial,
  known,
}: {
  initial: Record<string, string>;
  known: string;
}) {
  const t = useTranslations("adminDesk.settings");
  const tl = useTranslations("language");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(saveSettings, null);
  const failed = state && !state.ok ? state : null;
  const value = (name: string) => failed?.values?.[name] ?? initial[name];
  const errorOf = (name: string) => {
    const key = failed?.fieldErrors?.[name]?.[0];
    return key ? errors(key) : undefined;
  };
  const fieldset = "space-y-4 rounded-md border border-zinc-200 p-4 dark:border-zinc-800";
  const hint = "text-xs text-zinc-600 dark:text-zinc-400";
  return (
    <form action={action} className="space-y-6" noValidate>
      {failed?.formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors(failed.formError)}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="text-sm text-green-800 dark:text-green-400">
          {t("saved")}
        </p>
      )}
      <fieldset className={fieldset}>
        <legend className="px-1 text-base font-semibold">{t("general")}</legend>
        <Field
          id="setting-defaultLocale"
          label={t("defaultLocale")}
          error={errorOf("defaultLocale")}
        >
          <select
            id="setting-defaultLocale"
            name="defaultLocale"
            defaultValue={value("defaultLocale")}
            className={inputClass}
          >
            {LOCALES.map((locale) => (
              <option key={locale} value={locale}>
                {tl(locale)}
              </option>
            ))}
          </select>
        </Field>
        <p className={hint}>{t("defaultLocaleHint")}</p>
        <Field
          id="setting-timeZone"
          name="timeZone"
          label={t("timeZone")}
          defaultValue={value("timeZone")}
          error={errorOf("timeZone")}
        />
        <p className={hint}>{t("timeZoneHint")}</p>
      </fieldset>
      {GROUPS.map((group) => (
        <fieldset key={group.legend} className={fieldset}>
          <legend className="px-1 text-base font-semibold">{t(group.legend)}</legend>
          {group.fields.map((field) => (
            <div key={field.name} className="space-y-1">
              <Field
                id={`setting-${field.name}`}
                name={field.name}
                label={t(field.name as Label)}
                defaultValue={value(field.name)}
                error={errorOf(field.name)}
              />
              {field.hint && <p className={hint}>{t(`${field.name}Hint` as Label, { known })}</p>}
            </div>
          ))}
        </fieldset>
      ))}
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
