"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/run-agent-action";

/**
 * What an admin form shows back from its action: `value` (what was typed, else
 * the stored value) and `error` (the field's message) for each field.
 */
export function useFormFeedback(state: ActionResult<unknown> | null) {
  const errors = useTranslations("agentErrors");
  const failed = state && !state.ok ? state : null;
  return {
    value: (name: string, fallback: string) => failed?.values?.[name] ?? fallback,
    error: (name: string) => {
      const key = failed?.fieldErrors?.[name]?.[0];
      return key ? errors(key) : undefined;
    },
  };
}

/** The form's own answer: its error as an alert, or "Saved." after success. */
export function FormFeedback({ state }: { state: ActionResult<unknown> | null }) {
  const t = useTranslations("adminPeople");
  const errors = useTranslations("agentErrors");
  if (state && !state.ok && state.formError)
    return (
      <p
        role="alert"
        className="rounded-md bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200"
      >
        {errors(state.formError)}
      </p>
    );
  if (state?.ok)
    return (
      <p
        role="status"
        className="rounded-md bg-green-50 p-3 text-sm text-green-800 dark:bg-green-950 dark:text-green-200"
      >
        {t("saved")}
      </p>
    );
  return null;
}
