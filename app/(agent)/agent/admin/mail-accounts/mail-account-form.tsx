"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { PublicMailAccountView } from "./view";
import { createAccount, updateAccount } from "./actions";

type FieldErrors = Record<string, string[] | undefined> | undefined;

/** The create and edit form of a mail account; the password is never filled in. */
export function MailAccountForm({
  account,
  queues,
}: {
  account?: PublicMailAccountView;
  queues: { id: number; name: string }[];
}) {
  const t = useTranslations("mailAccounts");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(account ? updateAccount : createAccount, null);
  const failed = state && !state.ok ? state : null;
  const fieldErrors: FieldErrors = failed?.fieldErrors;
  const value = (name: string, fallback: string) => failed?.values?.[name] ?? fallback;
  const error = (name: string) => {
    const key = fieldErrors?.[name]?.[0];
    return key ? errors(key as Parameters<typeof errors>[0]) : undefined;
  };
  const a = account;
  return (
    <form action={action} className="grid max-w-3xl gap-4 sm:grid-cols-2">
      {a && <input type="hidden" name="accountId" value={a.id} />}
      <Field
        id="ma-name"
        name="name"
        label={t("name")}
        defaultValue={value("name", a?.name ?? "")}
        error={error("name")}
        required
      />
      <Field
        id="ma-host"
        name="host"
        label={t("host")}
        defaultValue={value("host", a?.host ?? "")}
        error={error("host")}
        required
      />
      <Field
        id="ma-port"
        name="port"
        type="number"
        label={t("port")}
        defaultValue={value("port", String(a?.port ?? 993))}
        error={error("port")}
        required
      />
      <Field id="ma-security" label={t("security")} error={error("security")}>
        <select
          id="ma-security"
          name="security"
          className={inputClass}
          defaultValue={value("security", a?.security ?? "tls")}
        >
          <option value="tls">{t("securityTls")}</option>
          <option value="starttls">{t("securityStarttls")}</option>
          <option value="none">{t("securityNone")}</option>
        </select>
      </Field>
      <Field
        id="ma-username"
        name="username"
        label={t("username")}
        defaultValue={value("username", a?.username ?? "")}
        error={error("username")}
        autoComplete="off"
        required
      />
      <Field
        id="ma-password"
        name="password"
        type="password"
        label={t("password")}
        placeholder={a ? t("passwordKept") : ""}
        error={error("password")}
        autoComplete="new-password"
        required={!a}
      />
      <Field
        id="ma-folder"
        name="folder"
        label={t("folder")}
        defaultValue={value("folder", a?.folder ?? "INBOX")}
        error={error("folder")}
      />
      <Field id="ma-after" label={t("afterStore")} error={error("afterStore")}>
        <select
          id="ma-after"
          name="afterStore"
          className={inputClass}
          defaultValue={value("afterStore", a?.afterStore ?? "move")}
        >
          <option value="move">{t("afterStoreMove")}</option>
          <option value="delete">{t("afterStoreDelete")}</option>
        </select>
      </Field>
      <Field
        id="ma-move-to"
        name="moveTo"
        label={t("moveTo")}
        defaultValue={value("moveTo", a?.moveTo ?? "Processed")}
        error={error("moveTo")}
      />
      <Field id="ma-queue" label={t("queue")} error={error("queueId")}>
        <select
          id="ma-queue"
          name="queueId"
          className={inputClass}
          defaultValue={value("queueId", a?.queueId ? String(a.queueId) : "")}
        >
          <option value="">{t("queueByRecipient")}</option>
          {queues.map((queue) => (
            <option key={queue.id} value={queue.id}>
              {queue.name}
            </option>
          ))}
        </select>
      </Field>
      <Field
        id="ma-poll"
        name="pollSeconds"
        type="number"
        label={t("pollSeconds")}
        defaultValue={value("pollSeconds", String(a?.pollSeconds ?? 60))}
        error={error("pollSeconds")}
      />
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={a ? a.active : true} /> {t("active")}
      </label>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {a ? t("save") : t("create")}
        </Button>
        {state?.ok && (
          <p role="status" className="text-sm text-green-700 dark:text-green-400">
            {t("saved")}
          </p>
        )}
        {failed?.formError && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {errors(failed.formError)}
          </p>
        )}
      </div>
    </form>
  );
}
