"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { addCustomerFollowUp } from "@/lib/portal/add-customer-follow-up";
import { fieldErrorsOf, type FieldErrors } from "@/lib/portal/field-errors";
import { formErrorOf } from "@/lib/portal/form-error";
import { getAttachmentLimits } from "@/lib/portal/limits";
import { followUpSchema } from "@/lib/portal/schemas";
import { getClientIp, getCurrentCustomer } from "@/lib/portal/session-cookie";

export interface FollowUpFormState {
  values?: { body: string };
  fieldErrors?: FieldErrors;
  formError?: string;
  reselect?: string[];
}

export async function sendFollowUp(
  number: string,
  _prev: FollowUpFormState,
  formData: FormData,
): Promise<FollowUpFormState> {
  const session = await getCurrentCustomer();
  if (!session) redirect("/status?link=invalid");
  const t = await getTranslations("portal.errors");
  const limits = getAttachmentLimits();
  const body = formData.get("body");
  const files = formData.getAll("attachments");
  const rejected = (state: FollowUpFormState): FollowUpFormState => ({
    values: { body: typeof body === "string" ? body : "" },
    reselect: files.flatMap((f) => (typeof f !== "string" && f.name ? [f.name] : [])),
    ...state,
  });
  const parsed = followUpSchema(limits).safeParse({ body, attachments: files });
  if (!parsed.success) {
    return rejected({ fieldErrors: fieldErrorsOf(parsed.error, t, limits) });
  }
  let result: { number: string; isNewTicket: boolean };
  try {
    result = await addCustomerFollowUp({
      session,
      number,
      input: parsed.data,
      ip: await getClientIp(),
    });
  } catch (error) {
    return rejected(formErrorOf(error, t, "portal follow-up", { number }));
  }
  revalidatePath(`/tickets/${number}`);
  redirect(
    `/tickets/${number}?sent=${result.isNewTicket ? encodeURIComponent(result.number) : "1"}#messages`,
  );
}
