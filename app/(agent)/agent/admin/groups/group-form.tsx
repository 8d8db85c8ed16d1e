"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { FormFeedback, useFormFeedback } from "../form-feedback";
import { updateGroupAction } from "./actions";

export interface GroupFormProps {
  group: { id: number; name: string; queueIds: number[]; members: Record<number, string> };
  queues: { id: number; name: string; groupName: string }[];
  agents: { id: number; name: string; email: string; active: boolean }[];
}

/** A group's name, the queues it grants and its members with ro/rw; errors at the field. */
export function GroupForm({ group, queues, agents }: GroupFormProps) {
  const t = useTranslations("adminPeople");
  const [state, action, pending] = useActionState(updateGroupAction, null);
  const failed = state && !state.ok ? state : null;
  const { value, error } = useFormFeedback(state);
  const queueChecked = (id: number) =>
    failed ? failed.values?.[`queue_${id}`] === "on" : group.queueIds.includes(id);
  return (
    <form action={action} className="max-w-2xl space-y-6" noValidate>
      <input type="hidden" name="groupId" value={group.id} />
      <FormFeedback state={state} />
      <Field
        id="group-name"
        name="name"
        label={t("groups.name")}
        defaultValue={value("name", group.name)}
        error={error("name")}
        required
      />
      <fieldset className="space-y-1">
        <legend className="mb-1 text-sm font-medium">{t("groups.queues")}</legend>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("groups.queuesIntro")}</p>
        {error("queueIds") && (
          <p className="text-sm text-red-700 dark:text-red-400">{error("queueIds")}</p>
        )}
        {queues.map((queue) => (
          <label key={queue.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={`queue_${queue.id}`}
              defaultChecked={queueChecked(queue.id)}
            />
            {queue.name}
            {!group.queueIds.includes(queue.id) && (
              <span className="text-zinc-500">
                ({t("groups.inGroup", { group: queue.groupName })})
              </span>
            )}
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium">{t("groups.members")}</legend>
        {error("members") && (
          <p className="text-sm text-red-700 dark:text-red-400">{error("members")}</p>
        )}
        {agents.map((agent) => (
          <div key={agent.id} className="flex flex-wrap items-center gap-3">
            <label htmlFor={`member-${agent.id}`} className="w-64 text-sm">
              {agent.name} <span className="text-zinc-500">{agent.email}</span>
              {!agent.active && <span className="text-zinc-500"> ({t("agents.inactive")})</span>}
            </label>
            <select
              id={`member-${agent.id}`}
              name={`member_${agent.id}`}
              className={`${inputClass} max-w-56`}
              defaultValue={value(`member_${agent.id}`, group.members[agent.id] ?? "")}
            >
              <option value="">{t("permissions.none")}</option>
              <option value="ro">{t("permissions.ro")}</option>
              <option value="rw">{t("permissions.rw")}</option>
            </select>
          </div>
        ))}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
