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
