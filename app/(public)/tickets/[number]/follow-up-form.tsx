"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo } from "react";
import { FormAlert } from "@/components/portal/form-alert";
import { AttachmentsField } from "@/components/portal/attachments-field";
import { FormField } from "@/components/portal/form-field";
import { useAttachmentForm } from "@/components/portal/use-attachment-form";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useTranslations } from "next-intl";
import type { PortalFormState } from "@/lib/portal/form-drafts";
import { followUpSchema, type AttachmentLimits } from "@/lib/portal/schemas";

export type FollowUpFormState = PortalFormState<{ body: string }>;

/**
 * Posts to the ticket's upload route (…/follow-up) with fetch; without
 * JavaScript natively, and the route redirects back with a draft (`initialState`).
 */
export function FollowUpForm({
  number,
  limits,
  initialState = {},
}: {
  number: string;
  limits: AttachmentLimits;
  initialState?: FollowUpFormState;
}) {
  const t = useTranslations("portal");
  const schema = useMemo(() => followUpSchema(limits), [limits]);
  const endpoint = `/tickets/${encodeURIComponent(number)}/follow-up`;
  const { form, errors, hasErrors, reselect, onSubmit, pending, state } = useAttachmentForm({
    resolver: zodResolver(schema),
    defaultValues: { body: initialState.values?.body ?? "" },
    initialState,
    endpoint,
    limits,
  });

  return (
    <form
      action={endpoint}
      method="post"
      encType="multipart/form-data"
      onSubmit={onSubmit}
      noValidate
      className="space-y-4"
    >
      {hasErrors && <FormAlert>{state.formError ?? t("errors.title")}</FormAlert>}
      <FormField id="follow-up-body" label={t("ticket.body")} error={errors.body}>
        <textarea
          id="follow-up-body"
          rows={6}
          required
          className={inputClass}
          defaultValue={initialState.values?.body}
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
