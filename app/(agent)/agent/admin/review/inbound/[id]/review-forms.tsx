"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { discardInboundAction, reprocessInboundAction } from "../../actions";

/** Re-process or discard (with a reason) a failed delivery. */
export function ReviewForms({ id }: { id: number }) {
  const t = useTranslations("review");
  const errors = useTranslations("agentErrors");
  const [again, reprocess, reprocessing] = useActionState(reprocessInboundAction, null);
  const [dropped, discard, discarding] = useActionState(discardInboundAction, null);
  const droppedFailed = dropped && !dropped.ok ? dropped : null;
  const reasonError = droppedFailed?.fieldErrors?.reason?.[0];
  return (
    <div className="grid gap-6 sm:grid-cols-2">
      <form action={reprocess} className="space-y-2">
        <input type="hidden" name="id" value={id} />
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("reprocessIntro")}</p>
        <Button disabled={reprocessing}>{t("reprocess")}</Button>
        {again && !again.ok && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors(again.formError ?? "generic")}
          </p>
        )}
      </form>
      <form action={discard} className="space-y-2" noValidate>
        <input type="hidden" name="id" value={id} />
        <Field
          id="discard-reason"
          name="reason"
          label={t("reason")}
          defaultValue={droppedFailed?.values?.reason}
          error={reasonError && errors(reasonError)}
          required
        />
        <Button variant="secondary" disabled={discarding}>
          {t("discard")}
        </Button>
        {droppedFailed?.formError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors(droppedFailed.formError)}
          </p>
        )}
      </form>
    </div>
  );
}
