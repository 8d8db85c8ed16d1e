"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/run-agent-action";
import { eraseCustomerAction, mergeCustomerAction, updateCustomerAction } from "./actions";

type Action<T> = (state: ActionResult<T> | null, data: FormData) => Promise<ActionResult<T>>;

/** One small admin form: its fields, errors at the field, input kept, a success line. */
function CustomerForm<T>({
  action: serverAction,
  customerId,
  fields,
  submit,
  done,
  danger,
}: {
  action: Action<T>;
  customerId: number;
  fields: { name: string; label: string; type?: string; initial?: string; required?: boolean }[];
  submit: string;
  done: string;
  danger?: boolean;
}) {
  const errors = useTranslations("agentErrors");
  const [state, action, pending] = useActionState(serverAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="max-w-xl space-y-3" noValidate>
      <input type="hidden" name="customerId" value={customerId} />
      {fields.map((f) => {
        const key = failed?.fieldErrors?.[f.name]?.[0];
        return (
          <Field
            key={f.name}
            id={`customer-${f.name}`}
            name={f.name}
            type={f.type ?? "text"}
            label={f.label}
            defaultValue={failed?.values?.[f.name] ?? f.initial ?? ""}
            error={key && errors(key)}
            required={f.required}
          />
        );
      })}
      {failed?.formError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {errors(failed.formError)}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="text-sm text-green-800 dark:text-green-300">
          {done}
        </p>
      )}
      <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
        {submit}
      </Button>
    </form>
  );
}

export function CustomerForms({
  customer,
}: {
  customer: { id: number; email: string; name: string; organisation: string };
}) {
  const t = useTranslations("adminPeople.customers");
  const common = useTranslations("adminPeople");
  return (
    <div className="space-y-8">
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("editTitle")}</h2>
        <CustomerForm
          action={updateCustomerAction}
          customerId={customer.id}
          fields={[
            { name: "name", label: t("name"), initial: customer.name },
            { name: "organisation", label: t("organisation"), initial: customer.organisation },
          ]}
          submit={common("save")}
          done={common("saved")}
        />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("mergeTitle")}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t("mergeIntro", { email: customer.email })}
        </p>
        <CustomerForm
          action={mergeCustomerAction}
          customerId={customer.id}
          fields={[{ name: "otherEmail", label: t("otherEmail"), type: "email", required: true }]}
          submit={t("merge")}
          done={t("merged")}
        />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("eraseTitle")}</h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("eraseIntro")}</p>
        <CustomerForm
          action={eraseCustomerAction}
          customerId={customer.id}
          fields={[
            {
              name: "confirmEmail",
              label: t("confirmEmail", { email: customer.email }),
              required: true,
            },
          ]}
          submit={t("erase")}
          done={t("erasedDone")}
          danger
        />
      </section>
    </div>
  );
}
