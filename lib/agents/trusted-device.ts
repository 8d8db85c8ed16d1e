// "This device signed in to this account before": a signed cookie set after a
// successful sign-in. Such a device keeps its own failure budget, so a third
// party guessing the account's password (even from the same address) cannot
// lock its owner out (issue 10, item 3).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const TRUSTED_DEVICE_COOKIE = "helpdesk-device";
/** How long a device stays known without signing in again (180 days, in seconds). */
export const TRUSTED_DEVICE_MAX_AGE = 180 * 24 * 3600;

const sign = (payload: string, secret: string) =>
  createHmac("sha256", `trusted-device:${secret}`).update(payload).digest("base64url");

/** A cookie value for `email` on a new device: `deviceId.issuedAt.email.signature` (base64url parts). */
export function issueTrustedDevice(email: string, secret: string, now = new Date()): string {
  const payload = [
    randomBytes(12).toString("base64url"),
    Math.floor(now.getTime() / 1000),
    Buffer.from(email.trim().toLowerCase()).toString("base64url"),
  ].join(".");
  return `${payload}.${sign(payload, secret)}`;
}

/**
 * The device id of a cookie value signed for `email` and not older than
 * TRUSTED_DEVICE_MAX_AGE, or null (missing, forged, expired or another account's).
 */
export function trustedDeviceId(
  value: string | undefined,
  email: string,
  secret: string,
  now = new Date(),
): string | null {
  const parts = (value ?? "").split(".");
  if (parts.length !== 4) return null;
  const [deviceId, issuedAt, encodedEmail, signature] = parts;
  const expected = Buffer.from(sign(parts.slice(0, 3).join("."), secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (Buffer.from(encodedEmail, "base64url").toString() !== email.trim().toLowerCase()) return null;
  const age = now.getTime() / 1000 - Number(issuedAt);
  return age >= 0 && age <= TRUSTED_DEVICE_MAX_AGE ? deviceId : null;
}

/** One cookie's value from a Cookie request header. */
export function cookieFromHeader(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}
