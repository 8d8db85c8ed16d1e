/**
 * Errors a visitor causes, not faults of the desk: Auth.js's client errors
 * (`isClientError` in @auth/core/errors) plus a session cookie that no longer
 * decrypts (expired, or AUTH_SECRET changed). Each is logged as one line.
 */
const VISITOR_ERRORS: Record<string, string> = {
  CredentialsSignin: "sign-in refused: wrong e-mail or password",
  MissingCSRF: "sign-in refused: missing or stale form token",
  JWTSessionError: "session cookie not readable (expired or signed with another secret)",
  AccessDenied: "access denied",
  Verification: "verification refused",
  OAuthAccountNotLinked: "sign-in refused: account not linked",
  OAuthCallbackError: "sign-in refused: provider callback failed",
  AccountNotLinked: "sign-in refused: account not linked",
  WebAuthnVerificationError: "sign-in refused: passkey not verified",
};

/**
 * Auth.js's error logger. A refused sign-in (wrong e-mail or password) and the
 * other visitor errors above are everyday events: one line, without the
 * address, the password or a stack trace. Anything else keeps Auth.js's full
 * report (name, message, stack), because that is a fault someone has to look into.
 */
export function logAuthError(error: Error & { type?: string; code?: string }): void {
  const name = error.type ?? error.name;
  // A refusal with its own code (auth.ts: SignInRateLimited) names it instead.
  const code =
    name === "CredentialsSignin" && error.code !== "credentials" ? error.code : undefined;
  const line = code ? `sign-in refused: ${code.replace(/_/g, " ")}` : VISITOR_ERRORS[name];
  if (line) {
    console.warn(`[auth] ${line}`);
    return;
  }
  console.error(`[auth][error] ${name}: ${error.message}`);
  const cause = (error as { cause?: { err?: unknown } }).cause;
  const detail = cause?.err instanceof Error ? cause.err : error;
  if (detail.stack) console.error(detail.stack);
}
