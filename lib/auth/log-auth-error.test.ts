import { CredentialsSignin, JWTSessionError, MissingCSRF, MissingSecret } from "@auth/core/errors";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logAuthError } from "./log-auth-error";

function captureConsole() {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
  vi.spyOn(console, "error").mockImplementation(keep);
  vi.spyOn(console, "warn").mockImplementation(keep);
  vi.spyOn(console, "log").mockImplementation(keep);
  return lines;
}

afterEach(() => vi.restoreAllMocks());

describe("logAuthError", () => {
  it("logs a refused sign-in as one line without trace", () => {
    const lines = captureConsole();
    logAuthError(new CredentialsSignin());
    expect(lines).toEqual(["[auth] sign-in refused: wrong e-mail or password"]);
  });

  it("names a refusal with its own code (too many attempts) instead of a wrong password", () => {
    const lines = captureConsole();
    class RateLimited extends CredentialsSignin {
      code = "rate_limited";
    }
    logAuthError(new RateLimited());
    expect(lines).toEqual(["[auth] sign-in refused: rate limited"]);
  });

  it("logs the other errors a visitor causes as one line each, without trace", () => {
    const lines = captureConsole();
    logAuthError(new MissingCSRF("CSRF token was missing during an action signin"));
    logAuthError(new JWTSessionError("no matching decryption secret"));
    expect(lines).toEqual([
      "[auth] sign-in refused: missing or stale form token",
      "[auth] session cookie not readable (expired or signed with another secret)",
    ]);
  });

  it("keeps the stack trace of the desk's own misconfiguration", () => {
    const lines = captureConsole();
    logAuthError(new MissingSecret("Please define a `secret`"));
    expect(lines[0]).toMatch(/^\[auth\]\[error\] MissingSecret: Please define a `secret`/);
    expect(lines.length).toBeGreaterThan(1);
  });

  it("keeps the stack trace of real faults", () => {
    const lines = captureConsole();
    const fault = new Error("database is locked");
    logAuthError(fault);
    expect(lines[0]).toBe("[auth][error] Error: database is locked");
    expect(lines.join("\n")).toContain("log-auth-error.test.ts");
  });
});
