// Turns a portal schema's issues into flattened, translated field errors.
// Pure: used by the client forms and by the server actions alike.
import type { z } from "zod";
import type { Messages } from "../i18n/catalogues";
import type { AttachmentLimits } from "./schemas";

export type PortalErrorKey = keyof Messages["portal"]["errors"];

/** next-intl's translator of the `portal.errors` namespace (`useTranslations`/`getTranslations`). */
export interface PortalErrors {
  (key: PortalErrorKey, values?: Record<string, string | number>): string;
  has(key: PortalErrorKey): boolean;
}
export type FieldErrors = Record<string, string[]>;

/** Megabytes of a byte limit, for `{maxMegabytes, number, ::unit/megabyte …}` in messages. */
export const megabytes = (bytes: number) => bytes / 1024 / 1024;

/** Shape of next-intl's formatter needed to write a file size. */
interface NumberFormatter {
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** A file size in the reader's language ("1.5 MB" / "1,5 MB"), through next-intl's formatter. */
export function formatBytes(format: NumberFormatter, bytes: number): string {
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / 1024 / 1024, "megabyte"]
      : bytes >= 1024
        ? [bytes / 1024, "kilobyte"]
        : [bytes, "byte"];
  return format.number(value, {
    style: "unit",
    unit,
    unitDisplay: "short",
    maximumFractionDigits: unit === "megabyte" ? 1 : 0,
  });
}

/** One message for a key of `portal.errors`; unknown keys fall back to the generic error. */
export function describeError(
  key: string,
  t: PortalErrors,
  vars: Record<string, string | number> = {},
  limits?: AttachmentLimits,
): string {
  if (!t.has(key as PortalErrorKey)) return t("generic");
  return t(key as PortalErrorKey, {
    max: limits?.maxCount ?? "",
    maxMegabytes: limits ? megabytes(limits.maxBytes) : 0,
    name: "",
    ...vars,
  });
}

export function fieldErrorsOf(
  error: z.ZodError,
  t: PortalErrors,
  limits?: AttachmentLimits,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const params = "params" in issue ? (issue.params as Record<string, string>) : undefined;
    const message = describeError(issue.message, t, params ?? {}, limits);
    const list = (errors[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return errors;
}
