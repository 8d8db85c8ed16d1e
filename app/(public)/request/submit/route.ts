// The request form's upload route (a route handler, not a server action, so
// the body streams with a byte cap). Keep it out of any proxy matcher: the
// proxy would buffer the body first (see SECURITY.md).
import { getLocale, getTranslations } from "next-intl/server";
import { clientIp } from "@/lib/http/client-ip";
import { isCrossOriginPost } from "@/lib/http/security-headers";
import { fieldOf } from "@/lib/http/parse-multipart";
import { checkUploadRateLimit } from "@/lib/portal/check-rate-limits";
import { createWebRequest } from "@/lib/portal/create-web-request";
import { fieldErrorsOf } from "@/lib/portal/field-errors";
import { checkAttachmentContent } from "@/lib/portal/check-attachment-content";
import { getAttachmentLimits } from "@/lib/portal/limits";
import { requestSchema } from "@/lib/portal/schemas";
import {
  answerRejection,
  answerSuccess,
  receivePortalForm,
  sentFileNames,
} from "@/lib/portal/upload-form";

const TEXT_FIELDS = ["name", "email", "subject", "body", "topic"] as const;

/** Rate limit, then the streamed form, the shared schema, createWebRequest. */
export async function POST(req: Request) {
  // Outside the proxy, so the cross-site check it makes for pages is made here.
  if (isCrossOriginPost(req.method, req.headers)) return new Response(null, { status: 403 });
  const locale = await getLocale();
  const t = await getTranslations("portal.errors");
  const limits = await getAttachmentLimits();
  const ip = clientIp(req.headers);
  const reject = (error: unknown, fieldErrors?: Record<string, string[]>) =>
    answerRejection(req, {
      error,
      t,
      limits,
      context: "portal request",
      state: {
        values: Object.fromEntries(
          TEXT_FIELDS.map((name) => [name, form ? fieldOf(form, name) : ""]),
        ),
        reselect: sentFileNames(form, "attachments"),
        ...(fieldErrors ? { fieldErrors } : {}),
      },
      draftScope: "request",
      formPath: "/request",
      anchor: "request-errors",
    });

  // The rate limit is checked before a byte of the body is read.
  const received = await receivePortalForm(req, limits, () => checkUploadRateLimit(ip));
  const form = received.form;
  if (!form || received.error) return reject(received.error);
  // The attachment policy's content check runs here, on the server (safeParseAsync).
  const parsed = await requestSchema(limits, checkAttachmentContent).safeParseAsync({
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, fieldOf(form, name)])),
    attachments: form.files.get("attachments") ?? [],
  });
  if (!parsed.success) {
    return reject(undefined, fieldErrorsOf(parsed.error, t, limits));
  }
  try {
    const { number } = await createWebRequest({
      input: parsed.data,
      honeypot: fieldOf(form, "website"),
      ip,
      locale,
    });
    return answerSuccess(req, `/request/sent?number=${number}`);
  } catch (error) {
    return reject(error);
  }
}
