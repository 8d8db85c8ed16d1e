"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { setPassword, type SetPasswordState } from "./actions";

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("adminPeople.setPassword");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState<SetPasswordState, FormData>(setPassword, {});
  const error = (field: "password" | "confirm") => {
    const key = state.fieldErrors?.[field];
    return key ? errors(key) : undefined;
  };
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      {state.formError && (
        <p
          role="alert"
          className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {errors(state.formError)}
        </p>
      )}
      <Field
        id="new-password"
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("password")}
        error={error("password")}
        required
      />
      <Field
        id="confirm-password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        label={t("confirm")}
        error={error("confirm")}
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
