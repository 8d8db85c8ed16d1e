"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { mergeAction } from "./actions";
import { ActionMessage } from "./action-message";

/**
 * Merge into another ticket by number, in two steps: "Check" shows who will see what
 * (one customer, or two who never see each other's words), then "Merge" does it.
 */
export function MergeForm({ ticketId, version }: { ticketId: number; version: number }) {
  const t = useTranslations("collab");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(mergeAction, null);
  const failed = state && !state.ok ? state : null;
  const plan = state?.ok ? state.data?.plan : undefined;
  const numberError = failed?.fieldErrors?.targetNumber?.[0];
  return (
    <form action={action} className="space-y-2" aria-label={t("mergeTitle")}>
      <input type="hidden" name="ticketId" value={ticketId} />
      <input type="hidden" name="version" value={version} />
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium">{t("mergeNumber")}</span>
          <input
            name="targetNumber"
            inputMode="numeric"
            required
            readOnly={!!plan}
            className={inputClass}
            defaultValue={plan?.target.number ?? failed?.values?.targetNumber}
            aria-invalid={numberError ? true : undefined}
          />
        </label>
        {!plan && (
          <Button type="submit" variant="secondary" disabled={pending}>
            {t("mergeCheck")}
          </Button>
        )}
      </div>
      {numberError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors(numberError)}
        </p>
      )}
      {plan && (
        <div
          role="status"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          <p>
            {t("mergeWhat", {
              count: plan.source.articleCount,
              target: plan.target.number,
              title: plan.target.title,
            })}
          </p>
          <p>
            {plan.isSameCustomer
              ? t("mergeSameCustomer", {
                  customer: plan.target.customerEmail,
                  target: plan.target.number,
                })
              : t("mergeTwoCustomers", {
                  source: plan.source.customerEmail,
                  target: plan.target.customerEmail,
                  targetNumber: plan.target.number,
                })}
          </p>
          <input type="hidden" name="confirm" value="1" />
          <Button type="submit" variant="danger" disabled={pending}>
            {t("mergeConfirm", { target: plan.target.number })}
          </Button>
        </div>
      )}
      <ActionMessage state={state} />
    </form>
  );
}
