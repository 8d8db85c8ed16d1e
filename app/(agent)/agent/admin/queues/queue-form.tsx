"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TemplateTextField } from "@/components/admin-desk/template-text-field";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { AgentErrorKey } from "@/lib/actions/run-agent-action";
import { LOCALES } from "@/lib/i18n/locales";
import {
  AUTO_RESPONSE_EVENT_KEYS,
  autoResponseField,
  dayField,
  FOLLOW_UP_POLICIES,
  WEEKDAYS,
} from "@/lib/queues/queue-form-fields";
import { TEMPLATE_VARIABLES, type TemplateValues } from "@/lib/queues/template-variables";
import { saveQueue } from "./actions";

const PRIORITIES = ["1", "2", "3", "4", "5"] as const;
// Field-specific wording for a generic "invalid" (the schema's key), by field.
const INVALID_TEXT: Record<string, string> = {
  addresses: "addressesInvalid",
  holidays: "holidaysInvalid",
  calendar: "calendarEmpty",
};

export function QueueForm({
  initial,
  groups,
  sample,
  saved,
}: {
  initial: Record<string, string>;
  groups: { id: number; name: string }[];
  sample: TemplateValues;
  saved?: boolean;
}) {
  const t = useTranslations("adminDesk.queueForm");
  const tz = useTranslations("zoom");
  const tl = useTranslations("language");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(saveQueue, null);
  const failed = state && !state.ok ? state : null;
  // After a refused save the form shows what was sent; checkboxes count only when sent.
  const value = (name: string) => (failed?.values ? (failed.values[name] ?? "") : initial[name]);
  const checked = (name: string) => value(name) === "on";
  const errorOf = (name: string) => {
    const key: AgentErrorKey | undefined = failed?.fieldErrors?.[name]?.[0];
    if (!key) return undefined;
    if (key === "invalid" && name.startsWith("day")) return t("hoursInvalid");
    if (key === "invalid" && INVALID_TEXT[name]) return t(INVALID_TEXT[name] as "holidaysInvalid");
    return errors(key);
  };
  const text = (name: string, label: string, props: { hint?: string; required?: boolean } = {}) => (
    <Field
      id={`queue-${name}`}
      name={name}
      label={label}
      defaultValue={value(name)}
      error={errorOf(name)}
      required={props.required}
    />
  );
  const isNew = !initial.queueId;
  const variables = TEMPLATE_VARIABLES.map((v) => `{{${v}}}`).join(", ");
  const legend = "px-1 text-base font-semibold";
  const fieldset = "space-y-4 rounded-md border border-zinc-200 p-4 dark:border-zinc-800";
  const hint = "text-xs text-zinc-600 dark:text-zinc-400";

  return (
    <form action={action} className="space-y-6" noValidate>
      <input type="hidden" name="queueId" value={initial.queueId} />
      {failed?.formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors(failed.formError)}
        </p>
      )}
      {(saved || state?.ok) && !failed && (
        <p role="status" className="text-sm text-green-800 dark:text-green-400">
          {t("saved")}
        </p>
      )}

      <fieldset className={fieldset}>
        <legend className={legend}>{t("general")}</legend>
        {text("name", t("name"), { required: true })}
        {text("description", t("description"))}
        <Field id="queue-groupId" label={t("group")} error={errorOf("groupId")}>
          <select
            id="queue-groupId"
            name="groupId"
            defaultValue={value("groupId")}
            className={inputClass}
            aria-invalid={errorOf("groupId") ? true : undefined}
          >
            <option value="" />
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="queue-defaultPriority"
          label={t("defaultPriority")}
          error={errorOf("defaultPriority")}
        >
          <select
            id="queue-defaultPriority"
            name="defaultPriority"
            defaultValue={value("defaultPriority") || "3"}
            className={inputClass}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {tz(`priorities.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="isPublic" defaultChecked={checked("isPublic")} />
          {t("isPublic")}
        </label>
        {text("publicNameEn", t("publicNameEn"))}
        {text("publicNameDe", t("publicNameDe"))}
        <p className={hint}>{t("publicNameHint")}</p>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("mail")}</legend>
        <Field id="queue-addresses" label={t("addresses")} error={errorOf("addresses")}>
          <textarea
            id="queue-addresses"
            name="addresses"
            rows={3}
            defaultValue={value("addresses")}
            className={`${inputClass} font-mono`}
            aria-invalid={errorOf("addresses") ? true : undefined}
            aria-describedby="queue-addresses-hint"
          />
        </Field>
        <p id="queue-addresses-hint" className={hint}>
          {t("addressesHint")}
        </p>
        {text("senderName", t("senderName"))}
        <p className={hint}>{t("senderNameHint")}</p>
        <Field id="queue-signature" label={t("signature")} error={errorOf("signature")}>
          <textarea
            id="queue-signature"
            name="signature"
            rows={3}
            defaultValue={value("signature")}
            className={inputClass}
          />
        </Field>
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("autoResponses")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="autoResponse" defaultChecked={checked("autoResponse")} />
          {t("autoResponse")}
        </label>
        <p className={hint}>{t("autoResponsesHint", { variables })}</p>
        {AUTO_RESPONSE_EVENT_KEYS.map((event) => (
          <details
            key={event}
            className="rounded border border-zinc-200 p-3 dark:border-zinc-800"
            open={LOCALES.some(
              (l) =>
                value(autoResponseField(event, l, "body")) ||
                errorOf(autoResponseField(event, l, "body")) ||
                errorOf(autoResponseField(event, l, "subject")),
            )}
          >
            <summary className="cursor-pointer text-sm font-medium">{t(`events.${event}`)}</summary>
            <div className="mt-3 space-y-3">
              {LOCALES.map((locale) => {
                const subject = autoResponseField(event, locale, "subject");
                const body = autoResponseField(event, locale, "body");
                return (
                  <div key={locale} className="space-y-2">
                    {text(subject, t("subject", { language: tl(locale) }))}
                    <TemplateTextField
                      id={`queue-${body}`}
                      name={body}
                      label={t("body", { language: tl(locale) })}
                      previewLabel={t("preview")}
                      defaultValue={value(body)}
                      sample={{ kind: "autoResponse", values: sample }}
                      error={errorOf(body)}
                    />
                  </div>
                );
              })}
            </div>
          </details>
        ))}
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("followUp")}</legend>
        <Field
          id="queue-followUpPolicy"
          label={t("followUpPolicy")}
          error={errorOf("followUpPolicy")}
        >
          <select
            id="queue-followUpPolicy"
            name="followUpPolicy"
            defaultValue={value("followUpPolicy") || "reopen"}
            className={inputClass}
          >
            {FOLLOW_UP_POLICIES.map((p) => (
              <option key={p} value={p}>
                {t(`policies.${p}`)}
              </option>
            ))}
          </select>
        </Field>
        {text("followUpDays", t("followUpDays"))}
      </fieldset>

      <fieldset className={fieldset}>
        <legend className={legend}>{t("sla")}</legend>
        <p className={hint}>{t("slaHint")}</p>
        <div className="grid gap-4 sm:grid-cols-3">
          {text("slaFirstResponseMinutes", t("slaFirstResponseMinutes"))}
          {text("slaUpdateMinutes", t("slaUpdateMinutes"))}
          {text("slaSolutionMinutes", t("slaSolutionMinutes"))}
        </div>
      </fieldset>

      <fieldset
        className={fieldset}
        aria-describedby={errorOf("calendar") ? "queue-calendar-error" : undefined}
      >
        <legend className={legend}>{t("calendar")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            name="calendarEnabled"
            defaultChecked={checked("calendarEnabled")}
          />
          {t("calendarEnabled")}
        </label>
        <p className={hint}>{t("calendarHint")}</p>
        {errorOf("calendar") && (
          <p id="queue-calendar-error" className="text-sm text-red-700 dark:text-red-400">
            {errorOf("calendar")}
          </p>
        )}
        {text("calendarTimeZone", t("timeZone"))}
        <p className={hint}>{t("hoursHint")}</p>
        <table className="text-sm">
          <thead>
            <tr>
              <th className="pr-3 text-left font-medium">{t("weekday")}</th>
              <th className="pr-3 text-left font-medium">{t("opens")}</th>
              <th className="text-left font-medium">{t("closes")}</th>
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day) => {
              const from = dayField(day, "from");
              const to = dayField(day, "to");
              const error = errorOf(from);
              const dayName = t(`weekdays.${day}`);
              return (
                <tr key={day} className="align-top">
                  <th scope="row" className="py-1 pr-3 text-left font-normal">
                    {dayName}
                  </th>
                  <td className="py-1 pr-3">
                    <input
                      name={from}
                      aria-label={t("opensOn", { day: dayName })}
                      defaultValue={value(from)}
                      className={`${inputClass} w-24`}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `queue-${from}-error` : undefined}
                    />
                  </td>
                  <td className="py-1">
                    <input
                      name={to}
                      aria-label={t("closesOn", { day: dayName })}
                      defaultValue={value(to)}
                      className={`${inputClass} w-24`}
                      aria-invalid={error ? true : undefined}
                    />
                    {error && (
                      <p
                        id={`queue-${from}-error`}
                        className="text-sm text-red-700 dark:text-red-400"
                      >
                        {error}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Field id="queue-holidays" label={t("holidays")} error={errorOf("holidays")}>
          <textarea
            id="queue-holidays"
            name="holidays"
            rows={3}
            defaultValue={value("holidays")}
            className={`${inputClass} font-mono`}
            aria-invalid={errorOf("holidays") ? true : undefined}
          />
        </Field>
        <p className={hint}>{t("holidaysHint")}</p>
      </fieldset>

      <Button type="submit" disabled={pending}>
        {isNew ? t("create") : t("save")}
      </Button>
    </form>
  );
}
