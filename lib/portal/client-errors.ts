// react-hook-form's errors (messages are keys of `portal.errors`) merged with the
// server's translated field errors: the browser's check wins for a field it has judged.
import type { FieldErrors as FormErrors } from "react-hook-form";
import { describeError, type FieldErrors, type PortalErrors } from "./field-errors";
import type { AttachmentLimits } from "./schemas";

type Entry = { message?: unknown; root?: { message?: unknown } };

export function clientFieldErrors(
  formErrors: FormErrors,
  serverErrors: FieldErrors | undefined,
  t: PortalErrors,
  limits: AttachmentLimits,
  chosenFiles?: FileList | null,
): FieldErrors {
  const result: FieldErrors = { ...serverErrors };
  for (const [field, raw] of Object.entries(formErrors)) {
    const entry = (raw ?? {}) as Entry;
    const messages: string[] = [];
    for (const own of [entry.message, entry.root?.message]) {
      if (typeof own === "string") messages.push(describeError(own, t, {}, limits));
    }
    // Per-file issues sit under their index; name the file they are about.
    for (const [key, item] of Object.entries(entry as Record<string, Entry | undefined>)) {
      if (/^\d+$/.test(key) && typeof item?.message === "string") {
        const name = chosenFiles?.[Number(key)]?.name ?? "";
        messages.push(describeError(item.message, t, { name }, limits));
      }
    }
    if (messages.length) result[field] = [...new Set(messages)];
  }
  return result;
}

/**
 * The form's data without the placeholder an empty file input adds: React
 * would send it on as a file named "undefined".
 */
export function withoutEmptyFiles(data: FormData, field = "attachments"): FormData {
  const files = data
    .getAll(field)
    .filter((entry) => typeof entry !== "string" && (entry.name !== "" || entry.size > 0));
  data.delete(field);
  for (const file of files) data.append(field, file);
  return data;
}
