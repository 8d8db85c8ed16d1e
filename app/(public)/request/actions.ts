"use server";

import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { createWebRequest } from "@/lib/portal/create-web-request";
import { fieldErrorsOf, type FieldErrors } from "@/lib/portal/field-errors";
import { formErrorOf } from "@/lib/portal/form-error";
import { getAttachmentLimits } from "@/lib/portal/limits";
import { requestSchema } from "@/lib/portal/schemas";
import { getClientIp } from "@/lib/portal/session-cookie";

export interface RequestFormState {
  /** What the user typed, to fill the form again after a rejection. */
  values?: Record<"name" | "email" | "subject" | "body" | "topic", string>;
  fieldErrors?: FieldErrors;
  formError?: string;
  /** Files that were sent but cannot be refilled by the browser: choose them again. */
  reselect?: string[];
}

const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

export async function submitRequest(
  _prev: RequestFormState,
  formData: FormData,
): Promise<RequestFormState> {
  const locale = await getLocale();
  const t = await getTranslations("portal.errors");
  const limits = getAttachmentLimits();
  const values = {
    name: text(formData, "name"),
    email: text(formData, "email"),
    subject: text(formData, "subject"),
    body: text(formData, "body"),
    topic: text(formData, "topic"),
  };
  const files = formData.getAll("attachments");
  const rejected = (state: RequestFormState): RequestFormState => ({
    values,
    reselect: files.flatMap((f) => (typeof f !== "string" && f.name ? [f.name] : [])),
    ...state,
  });

  const parsed = requestSchema(limits).safeParse({ ...values, attachments: files });
  if (!parsed.success) {
    return rejected({ fieldErrors: fieldErrorsOf(parsed.error, t, limits) });
  }
  let number: string;
  try {
    ({ number } = await createWebRequest({
      input: parsed.data,
      honeypot: text(formData, "website"),
      ip: await getClientIp(),
      locale,
    }));
  } catch (error) {
    return rejected(formErrorOf(error, t, "portal request", { email: values.email }));
  }
  redirect(`/request/sent?number=${number}`);
}
