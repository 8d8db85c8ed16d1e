// The customer follow-up form's upload route (streams with a byte cap; keep it
// out of any proxy matcher, see SECURITY.md).
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { clientIp } from "@/lib/http/client-ip";
import { isCrossOriginPost } from "@/lib/http/security-headers";
import { fieldOf } from "@/lib/http/parse-multipart";
import { addCustomerFollowUp } from "@/lib/portal/add-customer-follow-up";
import { checkUploadRateLimit } from "@/lib/portal/check-rate-limits";
import { fieldErrorsOf } from "@/lib/portal/field-errors";
import { checkAttachmentContent } from "@/lib/portal/check-attachment-content";
import { getAttachmentLimits } from "@/lib/portal/limits";
import { followUpSchema } from "@/lib/portal/schemas";
import { getCurrentCustomer } from "@/lib/portal/session-cookie";
import {
  answerRejection,
  answerSuccess,
  receivePortalForm,
  sentFileNames,
} from "@/lib/portal/upload-form";

type Context = { params: Promise<{ number: string }> };

/** Session and rate limit, then the streamed form, the shared schema, addCustomerFollowUp. */
export async function POST(req: Request, { params }: Context) {
  // Outside the proxy, so the cross-site check it makes for pages is made here.
  if (isCrossOriginPost(req.method, req.headers)) return new Response(null, { status: 403 });
  const { number } = await params;
  const session = await getCurrentCustomer(); // before a byte of the body is read
  if (!session) {
    const location = "/status?link=invalid";
    if ((req.headers.get("accept") ?? "").includes("application/json")) {
      return Response.json({ location }, { status: 401 });
    }
    return new Response(null, { status: 303, headers: { location } });
  }
  const t = await getTranslations("portal.errors");
  const limits = await getAttachmentLimits();
  const ip = clientIp(req.headers);
  const reject = (error: unknown, fieldErrors?: Record<string, string[]>) =>
    answerRejection(req, {
      error,
      t,
      limits,
      context: "portal follow-up",
      state: {
        values: { body: form ? fieldOf(form, "body") : "" },
        reselect: sentFileNames(form, "attachments"),
        ...(fieldErrors ? { fieldErrors } : {}),
      },
      draftScope: `follow-up:${number}:${session.customerId}`,
      formPath: `/tickets/${encodeURIComponent(number)}`,
      anchor: "follow-up",
    });

  // The rate limit is checked before a byte of the body is read.
  const received = await receivePortalForm(req, limits, () => checkUploadRateLimit(ip));
  const form = received.form;
  if (!form || received.error) return reject(received.error);
  // The attachment policy's content check runs here, on the server (safeParseAsync).
  const parsed = await followUpSchema(limits, checkAttachmentContent).safeParseAsync({
    body: fieldOf(form, "body"),
    attachments: form.files.get("attachments") ?? [],
  });
  if (!parsed.success) {
    return reject(undefined, fieldErrorsOf(parsed.error, t, limits));
  }
  try {
    const result = await addCustomerFollowUp({ session, number, input: parsed.data, ip });
    revalidatePath(`/tickets/${number}`);
    const sent = result.isNewTicket ? encodeURIComponent(result.number) : "1";
    return answerSuccess(req, `/tickets/${encodeURIComponent(number)}?sent=${sent}#messages`);
  } catch (error) {
    return reject(error);
  }
}
