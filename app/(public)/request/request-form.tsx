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
import { requestSchema, type AttachmentLimits } from "@/lib/portal/schemas";

export type RequestFormState = PortalFormState<
  Record<"name" | "email" | "subject" | "body" | "topic", string>
>;

type Topic = { id: number; name: string };

/**
 * Validates in the browser with the shared schema, then posts the whole form
 * (files included) to its upload route (/request/submit), which validates
 * again. Without JavaScript the form posts natively and the route redirects
 * back here with a draft (`initialState`): the input and errors come back.
 */
export function RequestForm({
  topics,
  limits,
  initialState = {},
}: {
  topics: Topic[];
  limits: AttachmentLimits;
  initialState?: RequestFormState;
}) {
  const t = useTranslations("portal");
  const schema = useMemo(() => requestSchema(limits), [limits]);
  const { form, errors, hasErrors, reselect, onSubmit, pending, state } = useAttachmentForm({
    resolver: zodResolver(schema),
    defaultValues: { topic: "", ...initialState.values },
    initialState,
    endpoint: "/request/submit",
    limits,
  });
  const values = initialState.values;

  return (
    <form
      action="/request/submit"
      method="post"
      encType="multipart/form-data"
      onSubmit={onSubmit}
      noValidate
      className="space-y-5"
      aria-describedby={hasErrors ? "request-errors" : undefined}
    >
      {hasErrors && (
        <div id="request-errors">
          <FormAlert>{state.formError ?? t("errors.title")}</FormAlert>
        </div>
      )}
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField id="name" label={t("request.name")} error={errors.name}>
          <input
            id="name"
            autoComplete="name"
            required
            className={inputClass}
            defaultValue={values?.name}
            {...form.register("name")}
          />
        </FormField>
        <FormField id="email" label={t("request.email")} error={errors.email}>
          <input
            id="email"
            type="email"
            autoComplete="email"
            required
            className={inputClass}
            defaultValue={values?.email}
            {...form.register("email")}
          />
        </FormField>
      </div>
      <FormField id="topic" label={t("request.topic")} error={errors.topic}>
        <select
          id="topic"
          required
          className={inputClass}
          defaultValue={values?.topic}
          {...form.register("topic")}
        >
          <option value="">{t("request.topicPlaceholder")}</option>
          {topics.map((topic) => (
            <option key={topic.id} value={String(topic.id)}>
              {topic.name}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="subject" label={t("request.subject")} error={errors.subject}>
        <input
          id="subject"
          required
          className={inputClass}
          defaultValue={values?.subject}
          {...form.register("subject")}
        />
      </FormField>
      <FormField id="body" label={t("request.body")} error={errors.body}>
        <textarea
          id="body"
          rows={8}
          required
          className={inputClass}
          defaultValue={values?.body}
          {...form.register("body")}
        />
      </FormField>
      <AttachmentsField
        id="attachments"
        limits={limits}
        errors={errors.attachments}
        reselect={reselect}
        registration={form.register("attachments")}
      />
      {/* Honeypot: hidden from people and assistive technology; bots fill it in. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="website">{t("request.honeypot")}</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? t("request.submitting") : t("request.submit")}
      </Button>
    </form>
  );
}
