"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/portal/form-alert";
import { FormField } from "@/components/portal/form-field";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useTranslations } from "next-intl";
import { requestSignInLink, type SignInFormState } from "./actions";

export function SignInForm({ minutes }: { minutes: number }) {
  const t = useTranslations("portal");
  const [state, action, pending] = useActionState<SignInFormState, FormData>(requestSignInLink, {});
  const errors = state.fieldErrors ?? {};
  const hasErrors = Object.keys(errors).length > 0 || !!state.formError;
  return (
    <form action={action} noValidate className="space-y-5">
      {state.sent && <FormAlert tone="success">{t("myRequests.sent", { minutes })}</FormAlert>}
      {hasErrors && <FormAlert>{state.formError ?? t("errors.title")}</FormAlert>}
      <FormField id="email" label={t("myRequests.email")} error={errors.email}>
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
        {t("myRequests.submit")}
      </Button>
    </form>
  );
}
