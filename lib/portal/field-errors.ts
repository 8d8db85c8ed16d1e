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

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} kB`;
  return `${bytes} B`;
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
    maxSize: limits ? formatBytes(limits.maxBytes) : "",
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
