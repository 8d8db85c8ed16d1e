// Expected failures: their message reaches the user (form or API) as is.
export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "validation"
  | "rate_limited";

/** The HTTP status each expected failure answers with (API and upload routes alike). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  validation: 422,
  rate_limited: 429,
};

export class UserFacingError extends Error {
  /**
   * @param message what the API answers (English) — or, in the portal, a key of `portal.errors`
   * @param fields per-field messages, as `message`
   * @param key a key of the agent catalogue's `agentErrors`: what an agent form shows (at each
   *   field named in `fields`, else for the form); agent actions never show `message` itself
   */
  constructor(
    message: string,
    readonly code: ErrorCode = "validation",
    readonly fields?: Record<string, string[]>,
    readonly key?: string,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

export class NotFoundError extends UserFacingError {
  constructor(message = "Not found") {
    super(message, "not_found", undefined, "notFound");
  }
}

const CONTENTION =
  /SQLITE_BUSY|database is locked|\b(40001|40P01)\b|deadlock detected|could not serialize/i;

/**
 * Write contention that a retry resolves: SQLite busy past its timeout,
 * PostgreSQL serialization failure or deadlock.
 */
export function isContentionError(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as { message?: string })?.message ?? String(error)}`;
  return CONTENTION.test(text);
}
