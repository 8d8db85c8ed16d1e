// The transport of the portal's upload forms (request, follow-up): read the
// multipart body within the attachment policy's limits, and answer either a
// script (JSON) or a browser without JavaScript (303 back to the form with a
// stored draft). The policy itself (sizes, types, counts) stays in the shared
// schema and getAttachmentLimits; this file only derives byte caps from it.
import { HTTP_STATUS, UserFacingError } from "../errors";
import {
  BodyTooLargeError,
  NotMultipartError,
  parseMultipart,
  type MultipartForm,
  type MultipartLimits,
} from "../http/parse-multipart";
import { describeError, type PortalErrors } from "./field-errors";
import { formErrorOf } from "./form-error";
import { saveFormDraft, type PortalFormState } from "./form-drafts";
import type { AttachmentLimits } from "./schemas";

/** Room for the text fields: a 100,000-character body in UTF-8 and the rest, with margin. */
const TEXT_BYTES = 1024 * 1024;

/** Byte caps for a portal form under the attachment policy `limits`. */
export function portalMultipartLimits(limits: AttachmentLimits): MultipartLimits {
  return {
    maxBytes: limits.maxCount * limits.maxBytes + TEXT_BYTES,
    maxFileBytes: limits.maxBytes,
    maxFiles: limits.maxCount,
    maxFieldBytes: TEXT_BYTES / 2,
    maxFields: 30,
  };
}

/**
 * The posted form, or throws UserFacingError: "bodyTooLarge" (too_large) past
 * the cap, "rejected" (bad_request) when it is not a multipart form.
 */
export async function readPortalForm(req: Request, limits: AttachmentLimits) {
  try {
    return await parseMultipart(req, portalMultipartLimits(limits));
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new UserFacingError("bodyTooLarge", "too_large");
    if (error instanceof NotMultipartError) throw new UserFacingError("rejected", "bad_request");
    throw error;
  }
}

/**
 * Runs `gate` (session or rate-limit check) BEFORE reading the body, then reads
 * the form. When the gate refuses a browser without JavaScript, only the text
 * fields of a small body (at most 1 MB; files are skipped) are read, so the
 * page can give the input back; a script keeps its input itself.
 */
export async function receivePortalForm(
  req: Request,
  limits: AttachmentLimits,
  gate: () => Promise<void>,
): Promise<{ form?: MultipartForm; error?: unknown }> {
  try {
    await gate();
  } catch (error) {
    if (wantsJson(req)) return { error };
    const textOnly = {
      maxBytes: TEXT_BYTES,
      maxFileBytes: 0,
      maxFiles: 0,
      maxFieldBytes: TEXT_BYTES / 2,
      maxFields: 30,
    };
    const form = await parseMultipart(req, textOnly).catch(() => undefined);
    return { form, error };
  }
  try {
    return { form: await readPortalForm(req, limits) };
  } catch (error) {
    return { error };
  }
}

/** Names of the files sent in `form` (to choose again after a rejection). */
export function sentFileNames(form: MultipartForm | undefined, field: string): string[] {
  return (form?.files.get(field) ?? []).map((file) => file.name);
}

/** True when the form was posted by our script (fetch), which wants JSON. */
const wantsJson = (req: Request) => (req.headers.get("accept") ?? "").includes("application/json");

/** Success: 303 to `location` (no script) or `{ location }` (script). */
export function answerSuccess(req: Request, location: string): Response {
  if (wantsJson(req)) return Response.json({ location });
  return new Response(null, { status: 303, headers: { location } });
}

/**
 * A rejection: for a script the state as JSON with a fitting 4xx status; for a
 * browser without JavaScript the state as a draft and 303 back to `formPath`
 * (`?draft=id`), which renders the input and errors again.
 */
export async function answerRejection(
  req: Request,
  options: {
    error: unknown;
    t: PortalErrors;
    state: PortalFormState;
    context: string;
    draftScope: string;
    formPath: string;
    anchor?: string;
    limits: AttachmentLimits;
  },
): Promise<Response> {
  const { error, t } = options;
  const state: PortalFormState = {
    ...options.state,
    ...(error === undefined ? {} : formErrorOf(error, t, options.context)),
  };
  if (error instanceof UserFacingError && error.code === "too_large") {
    state.formError = describeError(error.message, t, {}, options.limits);
  }
  const status = error instanceof UserFacingError ? HTTP_STATUS[error.code] : error ? 500 : 422;
  if (wantsJson(req)) return Response.json(state, { status });
  const id = await saveFormDraft(options.draftScope, state);
  const location = `${options.formPath}?draft=${id}${options.anchor ? `#${options.anchor}` : ""}`;
  return new Response(null, { status: 303, headers: { location } });
}
