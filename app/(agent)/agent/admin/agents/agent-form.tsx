"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormFeedback, useFormFeedback } from "../form-feedback";
import type { ActionResult } from "@/lib/actions/run-agent-action";
import { createAgentAction, updateAgentAction } from "./actions";

type FormAction = (
  state: ActionResult<unknown> | null,
  data: FormData,
) => Promise<ActionResult<unknown>>;

export interface AgentFormValues {
  agentId?: number;
  email: string;
  name: string;
  role: "admin" | "agent";
  locale: string;
  outOfOfficeFrom: string;
  outOfOfficeTo: string;
  /** group id → "ro" | "rw" */
  memberships: Record<number, string>;
}

/** Create (with invitation or password) or edit an agent; errors at the field, input kept. */
export function AgentForm({
  groups,
  initial,
}: {
  groups: { id: number; name: string }[];
  initial: AgentFormValues;
}) {
  const t = useTranslations("adminPeople");
  const languages = useTranslations("language");
  const isNew = initial.agentId === undefined;
  const serverAction = (isNew ? createAgentAction : updateAgentAction) as FormAction;
  const [state, action, pending] = useActionState(serverAction, null);
  const { value, error } = useFormFeedback(state);
  return (
    <form action={action} className="max-w-2xl space-y-4" noValidate>
      {!isNew && <input type="hidden" name="agentId" value={initial.agentId} />}
      <FormFeedback state={state} />
      <Field
        id="agent-name"
        name="name"
        label={t("agents.name")}
        defaultValue={value("name", initial.name)}
        error={error("name")}
        required
      />
      <Field
        id="agent-email"
        name="email"
        type="email"
        label={t("agents.email")}
        defaultValue={value("email", initial.email)}
        error={error("email")}
        required
      />
      <Field id="agent-role" label={t("agents.role")} error={error("role")}>
        <select
          id="agent-role"
          name="role"
          className={inputClass}
          defaultValue={value("role", initial.role)}
        >
          <option value="agent">{t("roles.agent")}</option>
          <option value="admin">{t("roles.admin")}</option>
        </select>
      </Field>
      <Field id="agent-locale" label={t("agents.language")} error={error("locale")}>
        <select
          id="agent-locale"
          name="locale"
          className={inputClass}
          defaultValue={value("locale", initial.locale)}
        >
          <option value="">{t("agents.languageUnset")}</option>
          <option value="en">{languages("en")}</option>
          <option value="de">{languages("de")}</option>
        </select>
      </Field>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">{t("agents.outOfOffice")}</legend>
        <Field
          id="agent-ooo-from"
          name="outOfOfficeFrom"
          type="date"
          label={t("agents.from")}
          defaultValue={value("outOfOfficeFrom", initial.outOfOfficeFrom)}
          error={error("outOfOfficeFrom")}
        />
        <Field
          id="agent-ooo-to"
          name="outOfOfficeTo"
          type="date"
          label={t("agents.to")}
          defaultValue={value("outOfOfficeTo", initial.outOfOfficeTo)}
          error={error("outOfOfficeTo")}
        />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{t("agents.groups")}</legend>
        {error("memberships") && (
          <p className="text-sm text-red-700 dark:text-red-400">{error("memberships")}</p>
        )}
        {groups.map((group) => (
          <div key={group.id} className="flex items-center gap-3">
            <label htmlFor={`membership-${group.id}`} className="w-40 text-sm">
              {group.name}
            </label>
            <select
              id={`membership-${group.id}`}
              name={`membership_${group.id}`}
              className={`${inputClass} max-w-56`}
              defaultValue={value(`membership_${group.id}`, initial.memberships[group.id] ?? "")}
            >
              <option value="">{t("permissions.none")}</option>
              <option value="ro">{t("permissions.ro")}</option>
              <option value="rw">{t("permissions.rw")}</option>
            </select>
          </div>
        ))}
      </fieldset>
      {isNew && (
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium">{t("agents.setup")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="setup"
              value="invite"
              defaultChecked={value("setup", "invite") === "invite"}
            />
            {t("agents.setupInvite")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="setup"
              value="password"
              defaultChecked={value("setup", "invite") === "password"}
            />
            {t("agents.setupPassword")}
          </label>
          <Field
            id="agent-password"
            name="password"
            type="password"
            autoComplete="new-password"
            label={t("agents.password")}
            error={error("password")}
          />
        </fieldset>
      )}
      <Button type="submit" disabled={pending}>
        {isNew ? t("agents.create") : t("save")}
      </Button>
    </form>
  );
}
