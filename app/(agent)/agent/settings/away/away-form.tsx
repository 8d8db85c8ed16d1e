"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { saveOutOfOffice } from "./actions";

const field = "rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900";

/** First and last day away; "I am back" clears both. */
export function AwayForm({ from, to }: { from: string; to: string }) {
  const t = useTranslations("away");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(saveOutOfOffice, null);
  const fieldError =
    state && !state.ok ? (state.fieldErrors?.to?.[0] ?? state.fieldErrors?.from?.[0]) : undefined;
  const formError = state && !state.ok ? state.formError : undefined;
  return (
    <div className="space-y-3">
      <form action={action} className="flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          {t("from")}
          <input type="date" name="from" defaultValue={from} className={field} />
        </label>
        <label className="flex flex-col gap-1">
          {t("to")}
          <input type="date" name="to" defaultValue={to} className={field} />
        </label>
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
      </form>
      <form action={action}>
        <input type="hidden" name="from" value="" />
        <input type="hidden" name="to" value="" />
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("clear")}
        </Button>
      </form>
      <div role="status" className="text-sm">
        {state?.ok && <p className="text-green-700 dark:text-green-400">{t("saved")}</p>}
        {(fieldError || formError) && (
          <p className="text-red-700 dark:text-red-400">{errors(fieldError ?? formError!)}</p>
        )}
      </div>
    </div>
  );
}
