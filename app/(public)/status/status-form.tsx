"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/portal/form-alert";
import { FormField } from "@/components/portal/form-field";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useTranslations } from "next-intl";
import { lookUpStatus, type LinkFormState } from "./actions";

export function StatusForm({ days }: { days: number }) {
  const t = useTranslations("portal");
  const [state, action, pending] = useActionState<LinkFormState, FormData>(lookUpStatus, {});
  const errors = state.fieldErrors ?? {};
  const hasErrors = Object.keys(errors).length > 0 || !!state.formError;
  return (
    <form action={action} noValidate className="space-y-5">
      {state.sent && <FormAlert tone="success">{t("status.sent", { days })}</FormAlert>}
      {hasErrors && <FormAlert>{state.formError ?? t("errors.title")}</FormAlert>}
      <FormField id="number" label={t("status.number")} error={errors.number}>
        <input
          id="number"
          name="number"
          inputMode="numeric"
          autoComplete="off"
          required
          defaultValue={state.values?.number}
          className={`${inputClass} font-mono`}
        />
      </FormField>
      <FormField id="email" label={t("status.email")} error={errors.email}>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values?.email}
          className={inputClass}
        />
      </FormField>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {t("status.submit")}
      </Button>
    </form>
  );
}
