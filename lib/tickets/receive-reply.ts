import type { Scope } from "../access/scope";
import { UserFacingError } from "../errors";
import { BodyTooLargeError, NotMultipartError, parseMultipart } from "../http/parse-multipart";
import { checkAttachmentContent } from "../portal/check-attachment-content";
import { getAttachmentLimits } from "../portal/limits";
import { portalMultipartLimits } from "../portal/upload-form";
import type { ReplyInput } from "./schemas";
import { sendAgentReply } from "./send-agent-reply";

const TEXT_FIELDS = [
  "mode",
  "to",
  "cc",
  "bcc",
  "subject",
  "body",
  "nextState",
  "pendingUntil",
  "version",
];

/**
 * The reply form as posted (streamed by parseMultipart within the byte caps the attachment
 * policy gives: getAttachmentLimits). Call only after the session and the ticket's write
 * permission were checked. Throws UserFacingError "bodyTooLarge" (too_large) past the cap,
 * "invalid" (bad_request) for a body that is not a multipart form.
 */
export async function readReplyForm(req: Request, number: string) {
  const limits = await getAttachmentLimits();
  try {
    // Each original attachment sent along is one more (checkbox) field.
    const caps = portalMultipartLimits(limits);
    const form = await parseMultipart(req, {
      ...caps,
      maxFields: caps.maxFields + limits.maxCount,
    });
    return {
      limits,
      input: {
        ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, form.fields.get(name)?.[0] ?? ""])),
        number,
        attachments: form.files.get("attachments") ?? [],
        // Ids of the original article's attachments to send along (never re-uploaded).
        originalAttachments: form.fields.get("originalAttachments") ?? [],
      },
    };
  } catch (error) {
    if (error instanceof BodyTooLargeError)
      throw new UserFacingError("Body too large", "too_large", undefined, "bodyTooLarge");
    if (error instanceof NotMultipartError)
      throw new UserFacingError("Not a form", "bad_request", undefined, "invalid");
    throw error;
  }
}

/**
 * Sends a parsed reply after the attachment policy's content check (a file whose content
 * does not fit its extension: validation error on `attachments`, key fileContent).
 */
export async function sendReplyWithFiles(options: {
  scope: Scope;
  agent: { id: number; email: string };
  input: ReplyInput;
}) {
  const { attachments, ...input } = options.input;
  const checked = await Promise.all(attachments.map((file) => checkAttachmentContent(file)));
  if (checked.includes(false)) {
    throw new UserFacingError(
      "File content does not match its name",
      "validation",
      { attachments: ["file content"] },
      "fileContent",
    );
  }
  return sendAgentReply({
    scope: options.scope,
    agent: options.agent,
    input,
    attachments: await Promise.all(
      attachments.map(async (file) => ({
        filename: file.name,
        contentType: file.type || "application/octet-stream",
        content: new Uint8Array(await file.arrayBuffer()),
      })),
    ),
  });
}
