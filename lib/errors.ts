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

export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode = "validation",
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "UserFacingError";
  }
}

export class NotFoundError extends UserFacingError {
  constructor(message = "Not found") {
    super(message, "not_found");
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
