"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { createGroupAction } from "./actions";

export function CreateGroupForm() {
  const t = useTranslations("adminPeople.groups");
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(createGroupAction, null);
  const failed = state && !state.ok ? state : null;
  const nameError = failed?.fieldErrors?.name?.[0];
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <div className="min-w-64 flex-1">
        <Field
          id="group-name"
          name="name"
          label={t("newName")}
          defaultValue={failed?.values?.name}
          error={nameError && errors(nameError)}
          required
        />
      </div>
      <Button type="submit" disabled={pending}>
        {t("create")}
      </Button>
      {failed?.formError && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {errors(failed.formError)}
        </p>
      )}
    </form>
  );
}
