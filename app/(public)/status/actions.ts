"use server";

import { getLocale, getTranslations } from "next-intl/server";
import { fieldErrorsOf, type FieldErrors } from "@/lib/portal/field-errors";
import { formErrorOf } from "@/lib/portal/form-error";
import { requestAccessLink } from "@/lib/portal/request-access-link";
import { statusLookupSchema } from "@/lib/portal/schemas";
import { getClientIp } from "@/lib/portal/session-cookie";

export interface LinkFormState {
  /** The one answer, whether or not anything matched. */
  sent?: boolean;
  values?: Record<string, string>;
  fieldErrors?: FieldErrors;
  formError?: string;
}

export async function lookUpStatus(
  _prev: LinkFormState,
  formData: FormData,
): Promise<LinkFormState> {
  const locale = await getLocale();
  const t = await getTranslations("portal.errors");
  const values = {
    number: String(formData.get("number") ?? ""),
    email: String(formData.get("email") ?? ""),
  };
  const parsed = statusLookupSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error, t) };
  try {
    await requestAccessLink({ ...parsed.data, ip: await getClientIp(), locale });
  } catch (error) {
    return { values, ...formErrorOf(error, t, "status lookup") };
  }
  return { sent: true };
}
