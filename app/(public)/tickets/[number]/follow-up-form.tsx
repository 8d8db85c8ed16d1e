"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useMemo } from "react";
import { FormAlert } from "@/components/portal/form-alert";
import { AttachmentsField } from "@/components/portal/attachments-field";
import { FormField } from "@/components/portal/form-field";
import { useAttachmentForm } from "@/components/portal/use-attachment-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useTranslations } from "next-intl";
import { followUpSchema, type AttachmentLimits } from "@/lib/portal/schemas";
import { sendFollowUp, type FollowUpFormState } from "./actions";

export function FollowUpForm({ number, limits }: { number: string; limits: AttachmentLimits }) {
  const t = useTranslations("portal");
  const [state, action, pending] = useActionState<FollowUpFormState, FormData>(
    sendFollowUp.bind(null, number),
    {},
  );
  const schema = useMemo(() => followUpSchema(limits), [limits]);
  const { form, errors, hasErrors, reselect, onSubmit } = useAttachmentForm({
    resolver: zodResolver(schema),
    defaultValues: { body: state.values?.body ?? "" },
    state,
    action,
    limits,
  });

  return (
    <form action={action} onSubmit={onSubmit} noValidate className="space-y-4">
      {hasErrors && <FormAlert>{state.formError ?? t("errors.title")}</FormAlert>}
      <FormField id="follow-up-body" label={t("ticket.body")} error={errors.body}>
        <textarea
          id="follow-up-body"
          rows={6}
          required
          className={inputClass}
          defaultValue={state.values?.body}
          {...form.register("body")}
        />
      </FormField>
      <AttachmentsField
        id="follow-up-attachments"
        limits={limits}
        errors={errors.attachments}
        reselect={reselect}
        registration={form.register("attachments")}
      />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("ticket.submitting") : t("ticket.submit")}
      </Button>
    </form>
  );
}
