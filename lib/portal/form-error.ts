import { UserFacingError } from "../errors";
import { describeError, type FieldErrors, type PortalErrors } from "./field-errors";

/**
 * What a portal form shows after a failed call: an expected failure's own
 * (translated) message and field messages, or — for anything else, logged
 * with its context — the generic one.
 */
export function formErrorOf(
  error: unknown,
  t: PortalErrors,
  context: string,
  details: Record<string, unknown> = {},
): { formError: string; fieldErrors?: FieldErrors } {
  if (!(error instanceof UserFacingError)) {
    console.error(`${context} failed`, { ...details, error });
    return { formError: t("generic") };
  }
  const fieldErrors = error.fields
    ? Object.fromEntries(
        Object.entries(error.fields).map(([field, keys]) => [
          field,
          keys.map((key) => describeError(key, t)),
        ]),
      )
    : undefined;
  return { formError: describeError(error.message, t), ...(fieldErrors ? { fieldErrors } : {}) };
}
