/**
 * Auth.js's error logger. A refused sign-in (wrong e-mail or password) is an
 * everyday event, not a fault: one line, without the address, password or a
 * stack trace. Anything else keeps Auth.js's full report (name, message, stack),
 * because that is a fault someone has to look into.
 */
export function logAuthError(error: Error & { type?: string }): void {
  const name = error.type ?? error.name;
  if (name === "CredentialsSignin") {
    console.warn("[auth] sign-in refused: wrong e-mail or password");
    return;
  }
  console.error(`[auth][error] ${name}: ${error.message}`);
  const cause = (error as { cause?: { err?: unknown } }).cause;
  const detail = cause?.err instanceof Error ? cause.err : error;
  if (detail.stack) console.error(detail.stack);
}
