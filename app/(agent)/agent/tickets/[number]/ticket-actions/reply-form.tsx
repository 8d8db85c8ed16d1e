"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldErrors } from "react-hook-form";
import { useFormatter, useTranslations } from "next-intl";
import type { z } from "zod";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { TicketState } from "@/lib/generated/sqlite/enums";
import { withoutEmptyFiles } from "@/lib/portal/client-errors";
import { formatBytes } from "@/lib/portal/field-errors";
import type { AttachmentLimits } from "@/lib/portal/schemas";
import type { ReplyDraft } from "@/lib/tickets/reply-drafts";
import { REPLY_MODES, replySchema, type ReplyMode } from "@/lib/tickets/schemas";
import { isPending } from "@/lib/tickets/states";
import { boxClass, useFieldError } from "./action-feedback";
import { StandardResponsePicker } from "./standard-response-picker";
import { useReplyDraft } from "./use-reply-draft";

type Values = z.input<ReturnType<typeof replySchema>>;
type ServerState = {
  fieldErrors?: Record<string, string[]>;
  formError?: string;
  reselect?: string[];
};
const SETTABLE_STATES = Object.values(TicketState).filter((s) => s !== "merged");

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={id} className="text-sm text-red-700 dark:text-red-400">
      {error}
    </p>
  ) : null;
}

/**
 * Reply, reply-all or forward by e-mail. Checked in the browser with the shared schema,
 * then posted with its files to the reply route (…/reply) with fetch; without JavaScript
 * natively, and the route keeps the input as the agent's draft and redirects back. The
 * quoted message's attachments are chips to tick (all ticked when the agent picks forward,
 * as OTRS does); only their ids are posted.
 */
export function ReplyForm(props: {
  number: string;
  /** The ticket version this page shows (posted; a newer one is refused as staleVersion). */
  version: number;
  subject: string;
  quote: string;
  signature: string;
  recipients: Record<ReplyMode, { to: string; cc: string }>;
  /** The quoted message's attachments: sent along by id, ticked by default for a forward. */
  originalAttachments: { id: number; filename: string; size: number; isInline: boolean }[];
  standardResponses: { id: number; name: string; text: string }[];
  draft: ReplyDraft | null;
  limits: AttachmentLimits;
  timeZone: string;
}) {
  const t = useTranslations("ticketActions.reply");
  const change = useTranslations("ticketActions.change");
  const states = useTranslations("states");
  const fieldError = useFieldError();
  const format = useFormatter();
  const router = useRouter();
  const endpoint = `/agent/tickets/${encodeURIComponent(props.number)}/reply`;
  const fresh = useMemo(
    () => ({
      mode: "reply" as ReplyMode,
      ...props.recipients.reply,
      bcc: "",
      subject: props.subject,
      body: props.quote,
      nextState: "",
      pendingUntil: "",
    }),
    [props.recipients, props.subject, props.quote],
  );
  const [server, setServer] = useState<ServerState>(props.draft ?? {});
  const [sent, setSent] = useState(false);
  const [pending, setPending] = useState(false);
  const [preview, setPreview] = useState(false);
  // Also written into the HTML (defaultValue), so the form is filled without JavaScript.
  const defaults = { ...fresh, ...props.draft?.values, number: props.number } as Record<
    string,
    string
  >;
  const allOriginals = props.originalAttachments.map((a) => String(a.id));
  const keptOriginals = props.draft?.values.originalAttachments;
  const chosenOriginals =
    keptOriginals !== undefined
      ? keptOriginals.split(",").filter((id) => allOriginals.includes(id))
      : defaults.mode === "forward"
        ? allOriginals
        : [];
  const form = useForm<Values>({
    resolver: zodResolver(replySchema(props.limits)) as never,
    defaultValues: { ...defaults, originalAttachments: chosenOriginals } as Values,
    mode: "onTouched",
  });
  const watched = useWatch({ control: form.control }) as Record<string, unknown>;
  const { attachments: _files, ...draftValues } = watched;
  const draft = useReplyDraft(
    { ...fresh, ...(draftValues as object), number: props.number } as never,
    form.formState.isDirty,
  );

  const errorOf = (field: string) => {
    const own = (form.formState.errors as FieldErrors)[field];
    const keys = own
      ? [String(own.message ?? own.root?.message ?? "invalid")]
      : server.fieldErrors?.[field];
    return fieldError(keys);
  };
  const register = (field: keyof Values) => {
    const error = errorOf(field);
    const hasFiles = field === "attachments" || field === "originalAttachments";
    return {
      ...form.register(field),
      ...(hasFiles ? {} : { defaultValue: defaults[field] }),
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `reply-${field}-error` : undefined,
    };
  };
  const chooseMode = (mode: ReplyMode) => {
    form.setValue("to", props.recipients[mode].to, { shouldDirty: true });
    form.setValue("cc", props.recipients[mode].cc, { shouldDirty: true });
    const title = props.subject.replace(/\bRe: /, mode === "forward" ? "Fwd: " : "Re: ");
    form.setValue("subject", title, { shouldDirty: true });
    // A forward sends the original attachments along; a reply only those the agent ticks.
    form.setValue("originalAttachments", mode === "forward" ? allOriginals : [], {
      shouldDirty: true,
    });
  };

  const send = async (element: HTMLFormElement, data: FormData) => {
    setPending(true);
    draft.cancel();
    try {
      const res = await fetch(endpoint, {
        method: "POST",
        body: data,
        headers: { accept: "application/json" },
      });
      const answer = (await res.json().catch(() => ({}))) as ServerState & { location?: string };
      if (res.ok && answer.location) {
        element.reset();
        form.reset({ ...fresh, number: props.number } as Values);
        setServer({});
        setSent(true);
        router.refresh();
        return;
      }
      setServer(answer.formError || answer.fieldErrors ? answer : { formError: "generic" });
      // A customer wrote (or a colleague changed the ticket) meanwhile: show it, keep the text.
      if (answer.formError === "staleVersion") router.refresh();
    } catch {
      setServer({ formError: "generic" });
    } finally {
      setPending(false);
    }
  };
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    const data = withoutEmptyFiles(new FormData(element));
    setSent(false);
    return form.handleSubmit(() => send(element, data))(event);
  };

  const body = String(watched.body ?? "");
  const nextState = String(watched.nextState ?? "");
  const reselect = server.reselect?.length ? server.reselect : [];
  const field = "space-y-1";
  const label = "block text-sm font-medium";
  return (
    <details id="reply" data-shortcut="reply" className={boxClass} open={!!props.draft}>
      <summary className="cursor-pointer font-semibold">{t("heading")}</summary>
      <form
        action={endpoint}
        method="post"
        encType="multipart/form-data"
        onSubmit={onSubmit}
        noValidate
        className="mt-3 space-y-3"
      >
        <input type="hidden" {...register("number")} />
        <input type="hidden" name="version" value={props.version} readOnly />
        {props.draft && !sent && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("draftRestored")}</p>
        )}
        {server.formError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {fieldError([server.formError])}
          </p>
        )}
        <div className={field}>
          <label htmlFor="reply-mode" className={label}>
            {t("mode")}
          </label>
          <select
            id="reply-mode"
            className={inputClass}
            defaultValue={defaults.mode}
            {...form.register("mode", { onChange: (e) => chooseMode(e.target.value as ReplyMode) })}
          >
            {REPLY_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`modes.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        {(["to", "cc", "bcc"] as const).map((name) => (
          <div key={name} className={field}>
            <label htmlFor={`reply-${name}`} className={label}>
              {t(name)}
            </label>
            <input id={`reply-${name}`} type="text" className={inputClass} {...register(name)} />
            <ErrorText id={`reply-${name}-error`} error={errorOf(name)} />
          </div>
        ))}
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("addressesHint")}</p>
        <div className={field}>
          <label htmlFor="reply-subject" className={label}>
            {t("subject")}
          </label>
          <input id="reply-subject" type="text" className={inputClass} {...register("subject")} />
          <ErrorText id="reply-subject-error" error={errorOf("subject")} />
        </div>
        <StandardResponsePicker
          responses={props.standardResponses}
          onInsert={(text) =>
            form.setValue("body", `${text}${body.startsWith("\n") ? "" : "\n"}${body}`, {
              shouldDirty: true,
              shouldValidate: true,
            })
          }
        />
        <div className={field}>
          <label htmlFor="reply-body" className={label}>
            {t("body")}
          </label>
          <textarea
            id="reply-body"
            rows={10}
            className={`${inputClass} font-mono`}
            {...register("body")}
          />
          <ErrorText id="reply-body-error" error={errorOf("body")} />
        </div>
        {props.signature && (
          <div className="text-sm">
            <p className="text-zinc-600 dark:text-zinc-400">{t("signature")}</p>
            <pre className="whitespace-pre-wrap font-sans">{props.signature}</pre>
          </div>
        )}
        <div className={field}>
          <label htmlFor="reply-attachments" className={label}>
            {t("attachments")}
          </label>
          <p id="reply-attachments-hint" className="text-xs text-zinc-600 dark:text-zinc-400">
            {t("attachmentsHint", {
              max: props.limits.maxCount,
              maxMegabytes: Math.round(props.limits.maxBytes / 1_048_576),
            })}
          </p>
          <input
            id="reply-attachments"
            type="file"
            multiple
            className="block text-sm"
            {...register("attachments")}
          />
          <ErrorText id="reply-attachments-error" error={errorOf("attachments")} />
          {reselect.length > 0 && (
            <p className="text-sm text-red-700 dark:text-red-400">
              {t("reselect", { files: reselect.join(", ") })}
            </p>
          )}
        </div>
        {props.originalAttachments.length > 0 && (
          <fieldset className={field} aria-describedby="reply-originalAttachments-hint">
            <legend className={label}>{t("originalAttachments")}</legend>
            <p
              id="reply-originalAttachments-hint"
              className="text-xs text-zinc-600 dark:text-zinc-400"
            >
              {t("originalAttachmentsHint")}
            </p>
            <ul className="flex flex-wrap gap-2">
              {props.originalAttachments.map((a) => (
                <li key={a.id}>
                  <label className="inline-flex items-center gap-2 rounded-full border border-zinc-300 px-3 py-1 text-sm has-[:checked]:border-blue-600 has-[:checked]:bg-blue-50 dark:border-zinc-700 dark:has-[:checked]:bg-blue-950">
                    <input
                      type="checkbox"
                      value={a.id}
                      defaultChecked={chosenOriginals.includes(String(a.id))}
                      {...register("originalAttachments")}
                    />
                    {t(a.isInline ? "originalInline" : "originalAttachment", {
                      filename: a.filename,
                      size: formatBytes(format, a.size),
                    })}
                  </label>
                </li>
              ))}
            </ul>
            <ErrorText
              id="reply-originalAttachments-error"
              error={errorOf("originalAttachments")}
            />
          </fieldset>
        )}
        <div className="flex flex-wrap items-end gap-3">
          <div className={field}>
            <label htmlFor="reply-next-state" className={label}>
              {t("nextState")}
            </label>
            <select id="reply-next-state" className={inputClass} {...register("nextState")}>
              <option value="">{t("keepState")}</option>
              {SETTABLE_STATES.map((s) => (
                <option key={s} value={s}>
                  {states(s)}
                </option>
              ))}
            </select>
          </div>
          {isPending(nextState as TicketState) && (
            <div className={field}>
              <label htmlFor="reply-pendingUntil" className={label}>
                {change("pendingUntil")}
              </label>
              <input
                id="reply-pendingUntil"
                type="datetime-local"
                className={inputClass}
                {...register("pendingUntil")}
              />
              <p className="text-xs text-zinc-600 dark:text-zinc-400">
                {change("timeZone", { zone: props.timeZone })}
              </p>
              <ErrorText id="reply-pendingUntil-error" error={errorOf("pendingUntil")} />
            </div>
          )}
        </div>
        {preview && (
          <section
            aria-label={t("preview")}
            className="rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-900"
          >
            <p className="font-semibold">{String(watched.subject ?? "")}</p>
            <pre data-testid="reply-preview" className="mt-2 whitespace-pre-wrap font-sans">
              {props.signature ? `${body}\n\n-- \n${props.signature}` : body}
            </pre>
          </section>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? t("sending") : t("send")}
          </Button>
          <Button
            type="button"
            variant="secondary"
            onClick={() => setPreview((p) => !p)}
            aria-pressed={preview}
          >
            {t("preview")}
          </Button>
          {sent && (
            <p role="status" className="text-sm text-green-700 dark:text-green-400">
              {t("sent")}
            </p>
          )}
          {!sent && draft.saved && (
            <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
              {t("draftSaved")}
            </p>
          )}
        </div>
      </form>
    </details>
  );
}
