"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useTranslations } from "next-intl";
import { createToken, type CreateTokenState } from "./actions";

export function CreateTokenForm() {
  const t = useTranslations("tokens");
  const [state, action, pending] = useActionState<CreateTokenState, FormData>(createToken, {});
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-4">
        <div className="min-w-64 flex-1">
          <Field
            id="token-name"
            name="name"
            label={t("name")}
            defaultValue={state.name}
            error={state.error ? t("nameRequired") : undefined}
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
      {state.token && (
        <div
          role="status"
          className="rounded-md border border-green-300 bg-green-50 p-3 text-sm dark:border-green-800 dark:bg-green-950"
        >
          <p>{t("copyNow")}</p>
          <code className="mt-2 block break-all font-mono" data-testid="new-token">
            {state.token}
          </code>
        </div>
      )}
    </div>
  );
}
