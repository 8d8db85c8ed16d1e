"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/run-agent-action";

/** The messages for one field's error keys (agentErrors), or undefined. */
export function useFieldError() {
  const errors = useTranslations("agentErrors");
  return (keys: string[] | undefined) =>
    keys?.length ? keys.map((key) => errors(key as never)).join(" ") : undefined;
}

/** A form's outcome: "saved" (status) or its form error (alert). */
export function ActionFeedback({
  state,
  success,
}: {
  state: ActionResult<unknown> | null;
  success: string;
}) {
  const errors = useTranslations("agentErrors");
  if (!state) return null;
  if (state.ok)
    return (
      <p role="status" className="text-sm text-green-700 dark:text-green-400">
        {success}
      </p>
    );
  if (!state.formError) return null;
  return (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400">
      {errors(state.formError)}
    </p>
  );
}

export const boxClass = "rounded-lg border border-zinc-200 p-4 dark:border-zinc-800";
