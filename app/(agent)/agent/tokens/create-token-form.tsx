"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useTranslations } from "next-intl";
import { createToken } from "./actions";

export function CreateTokenForm() {
  const t = useTranslations("tokens");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(createToken, null);
  const failed = state && !state.ok ? state : null;
  const nameError = failed?.fieldErrors?.name?.[0];
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-4">
        <div className="min-w-64 flex-1">
          <Field
            id="token-name"
            name="name"
            label={t("name")}
            defaultValue={failed?.values?.name}
            error={nameError === "required" ? t("nameRequired") : nameError && errors(nameError)}
            required
          />
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm">
          <input type="checkbox" name="readOnly" /> {t("readOnly")}
        </label>
        <Button type="submit" disabled={pending}>
          {t("newToken")}
        </Button>
      </form>
      {failed?.formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors(failed.formError)}
        </p>
      )}
      {state?.ok && (
        <div
          role="status"
          className="rounded-md border border-green-300 bg-green-50 p-3 text-sm dark:border-green-800 dark:bg-green-950"
        >
          <p>{t("copyNow")}</p>
          <code className="mt-2 block break-all font-mono" data-testid="new-token">
            {state.data.token}
          </code>
        </div>
      )}
    </div>
  );
}
