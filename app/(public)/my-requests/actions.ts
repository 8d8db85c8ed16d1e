"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { endCustomerSession } from "@/lib/portal/end-customer-session";
import { fieldErrorsOf, type FieldErrors } from "@/lib/portal/field-errors";
import { formErrorOf } from "@/lib/portal/form-error";
import { requestMagicLink } from "@/lib/portal/request-magic-link";
import { magicLinkSchema } from "@/lib/portal/schemas";
import { getClientIp, readSessionCookie } from "@/lib/portal/session-cookie";
import { CUSTOMER_SESSION_COOKIE } from "@/lib/portal/tokens";

export interface SignInFormState {
  /** The one answer, whether or not the address is known. */
  sent?: boolean;
  values?: { email: string };
  fieldErrors?: FieldErrors;
  formError?: string;
}

export async function requestSignInLink(
  _prev: SignInFormState,
  formData: FormData,
): Promise<SignInFormState> {
  const locale = await getLocale();
  const t = await getTranslations("portal.errors");
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = magicLinkSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error, t) };
  try {
    await requestMagicLink({ email: parsed.data.email, ip: await getClientIp(), locale });
  } catch (error) {
    return { values, ...formErrorOf(error, t, "sign-in link") };
  }
  return { sent: true };
}

export async function signOut() {
  await endCustomerSession({ token: await readSessionCookie() });
  (await cookies()).delete(CUSTOMER_SESSION_COOKIE);
  redirect("/");
}
