// Shared by the portal's forms (zodResolver) and their server actions. Only what
// a customer may set; queue, owner and state never come from an anonymous caller.
// Messages are keys of `portal.errors` (see field-errors.ts); attachment limits
// come from the server's config and are handed to the client form as props.
import { z } from "zod";
import { isAllowedFilename } from "./attachment-policy";

// The page CSP forbids eval (proxy.ts); zod 4 would probe for it to compile
// parsers, and the probe is reported as a violation. Jitless parses the same.
z.config({ jitless: true });

export interface AttachmentLimits {
  maxCount: number;
  maxBytes: number;
  /** Allowed file extensions, lower-case without the dot (see attachment-policy.ts). */
  extensions: string[];
}

/**
 * The server's content check for one file (checkAttachmentContent). The
 * browser has none: it checks names and sizes before upload, the server then
 * checks what is inside.
 */
export type AttachmentContentCheck = (file: File) => Promise<boolean>;

/**
 * FileList, File or File[] → the files actually chosen. An empty file input
 * still posts an entry: a nameless empty file, or an empty string once a
 * server action has decoded it.
 */
function chosenFiles(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  const list =
    typeof value === "object" && Symbol.iterator in value
      ? Array.from(value as Iterable<unknown>)
      : [value];
  return list.filter((entry) => {
    if (entry === "" || entry === null || entry === undefined) return false;
    const file = entry as { name?: unknown; size?: unknown };
    return !(typeof entry === "object" && !file.name && file.size === 0);
  });
}

/**
 * Attachments: count, size and extension (browser and server), plus the
 * content check when `checkContent` is given (server; use safeParseAsync).
 */
export function attachmentsSchema(limits: AttachmentLimits, checkContent?: AttachmentContentCheck) {
  const files = z
    .array(z.instanceof(File, { message: "fileInvalid" }))
    .superRefine((files, ctx) => {
      if (files.length > limits.maxCount) {
        ctx.addIssue({ code: "custom", message: "tooManyFiles" });
      }
      files.forEach((file, index) => {
        if (!(file instanceof File)) return;
        if (file.size > limits.maxBytes) {
          ctx.addIssue({
            code: "custom",
            message: "fileTooLarge",
            path: [index],
            params: { name: file.name },
          });
        } else if (!isAllowedFilename(file.name, limits.extensions)) {
          ctx.addIssue({
            code: "custom",
            message: "fileType",
            path: [index],
            params: { name: file.name },
          });
        }
      });
    });
  if (!checkContent) return z.preprocess(chosenFiles, files);
  return z.preprocess(
    chosenFiles,
    files.superRefine(async (list, ctx) => {
      // Only files that passed the name and size checks are read.
      if (list.length > limits.maxCount) return;
      await Promise.all(
        list.map(async (file, index) => {
          if (file.size > limits.maxBytes || !isAllowedFilename(file.name, limits.extensions))
            return;
          if (!(await checkContent(file)))
            ctx.addIssue({
              code: "custom",
              message: "fileContent",
              path: [index],
              params: { name: file.name },
            });
        }),
      );
    }),
  );
}

export const portalEmailSchema = z
  .string({ message: "required" })
  .trim()
  .min(1, "required")
  .max(254, "tooLong")
  .pipe(z.email({ message: "email" }))
  .transform((email) => email.toLowerCase());

const text = (max: number) =>
  z.string({ message: "required" }).trim().min(1, "required").max(max, "tooLong");

/** The public request form. `topic` is a queue id; createWebRequest accepts public queues only. */
export function requestSchema(limits: AttachmentLimits, checkContent?: AttachmentContentCheck) {
  return z.object({
    name: text(200),
    email: portalEmailSchema,
    subject: text(250),
    body: text(100_000),
    topic: z.coerce.number({ message: "topic" }).int("topic").positive("topic"),
    attachments: attachmentsSchema(limits, checkContent),
  });
}
export type RequestInput = z.infer<ReturnType<typeof requestSchema>>;

/** A customer's follow-up on their ticket. */
export function followUpSchema(limits: AttachmentLimits, checkContent?: AttachmentContentCheck) {
  return z.object({
    body: text(100_000),
    attachments: attachmentsSchema(limits, checkContent),
  });
}
export type FollowUpInput = z.infer<ReturnType<typeof followUpSchema>>;

/** Status lookup: ticket number and the address it belongs to. */
export const statusLookupSchema = z.object({
  number: z
    .string({ message: "required" })
    .trim()
    .min(1, "required")
    .regex(/^\d{6,32}$/, "ticketNumber"),
  email: portalEmailSchema,
});

/** "My requests" sign-in: a link is mailed to the address. */
export const magicLinkSchema = z.object({ email: portalEmailSchema });
