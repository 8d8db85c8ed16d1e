// Test-only crash points for the crash tests (tests/soak): a no-op unless
// HELPDESK_FAIL_POINT is set. Never set it in production.

/** The places an intake can be cut off; see tests/soak/crash-intake.test.ts. */
export type FailPointName =
  "ticket.after-insert" | "ticket.after-commit" | "inbound.after-store" | "mail.after-send";

/**
 * Kills this process with SIGKILL (exactly what `kill -9` does: no cleanup,
 * no rollback handlers, open transactions die with their connections) when
 * HELPDESK_FAIL_POINT (comma-separated names) includes `name`.
 */
export function failPoint(name: FailPointName): void {
  const wanted = process.env.HELPDESK_FAIL_POINT;
  if (!wanted || !wanted.split(",").includes(name)) return;
  process.kill(process.pid, "SIGKILL");
}
