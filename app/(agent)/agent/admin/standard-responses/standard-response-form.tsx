"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { TemplateTextField } from "@/components/admin-desk/template-text-field";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import {
  STANDARD_RESPONSE_VARIABLES,
  type StandardResponseValues,
} from "@/lib/standard-responses/render-standard-response";
import { saveStandardResponse } from "./actions";

export interface StandardResponseFormValues {
  responseId: string;
  name: string;
  body: string;
  active: boolean;
  queueIds: number[];
}

export function StandardResponseForm({
  initial,
  queues,
  sample,
  saved,
}: {
  initial: StandardResponseFormValues;
  queues: { id: number; name: string; active: boolean }[];
  sample: StandardResponseValues;
  saved?: boolean;
}) {
  const t = useTranslations("adminDesk.standardResponseForm");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(saveStandardResponse, null);
  const failed = state && !state.ok ? state : null;
  const sent = failed?.values;
  const errorOf = (name: string) => {
    const key = failed?.fieldErrors?.[name]?.[0];
    return key ? errors(key) : undefined;
  };
  const variables = STANDARD_RESPONSE_VARIABLES.join(", ");
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="responseId" value={initial.responseId} />
      {failed?.formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors(failed.formError)}
        </p>
      )}
      {saved && !failed && (
        <p role="status" className="text-sm text-green-800 dark:text-green-400">
          {t("saved")}
        </p>
      )}
      <Field
        id="response-name"
        name="name"
        label={t("name")}
        defaultValue={sent ? (sent.name ?? "") : initial.name}
        error={errorOf("name")}
        required
      />
      <TemplateTextField
        id="response-body"
        name="body"
        label={t("body")}
        hint={t("bodyHint", { variables })}
        previewLabel={t("preview")}
        defaultValue={sent ? (sent.body ?? "") : initial.body}
        sample={{ kind: "standardResponse", values: sample }}
        error={errorOf("body")}
        rows={8}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("queues")}</legend>
        {errorOf("queueIds") && (
          <p className="text-sm text-red-700 dark:text-red-400">{errorOf("queueIds")}</p>
        )}
        <div className="grid gap-1 sm:grid-cols-3">
          {queues.map((queue) => (
            <label key={queue.id} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="queueIds"
                value={queue.id}
                defaultChecked={initial.queueIds.includes(queue.id)}
              />
              <span className={queue.active ? "" : "text-zinc-500 line-through"}>{queue.name}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="active"
          defaultChecked={sent ? sent.active === "on" : initial.active}
        />
        {t("active")}
      </label>
      <Button type="submit" disabled={pending}>
        {initial.responseId ? t("save") : t("create")}
      </Button>
    </form>
  );
}
