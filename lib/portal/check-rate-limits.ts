import { getSettings } from "../settings/get-settings";
import { db } from "../db";
import { UserFacingError } from "../errors";
import { perIpLimit } from "../http/client-ip";
import { isWithinRateLimit } from "../rate-limit/hit";

const HOUR = 3600;

/** `npm run bench` lifts the portal's limits (BENCH_RAISE_PORTAL_LIMITS=1; the server warns loudly at start). */
const isBenchRun = () => process.env.BENCH_RAISE_PORTAL_LIMITS === "1";

/**
 * Counts one hit per client IP and per address (both always, so neither reveals
 * anything about the other) and throws "rateLimited" when either is over its limit.
 */
export async function checkRateLimits(options: {
  scope: string;
  ip: string;
  email: string;
  perIp: number;
  perAddress: number;
  now?: Date;
}) {
  if (isBenchRun()) return;
  const now = options.now ?? new Date();
  const [ipOk, addressOk] = [
    await isWithinRateLimit(
      db,
      `${options.scope}:ip`,
      options.ip,
      perIpLimit(options.ip, options.perIp),
      HOUR,
      now,
    ),
    await isWithinRateLimit(
      db,
      `${options.scope}:address`,
      options.email,
      options.perAddress,
      HOUR,
      now,
    ),
  ];
  if (!ipOk || !addressOk) throw new UserFacingError("rateLimited", "rate_limited");
}

/** Upload posts (valid or not) per client and hour, as a multiple of the request limit. */
const UPLOADS_PER_REQUEST = 3;

/**
 * Counts one upload post for the client and throws "rateLimited" when over its
 * limit. Called by the upload routes BEFORE they read the body, so a client
 * cannot make the server read body after body.
 */
export async function checkUploadRateLimit(ip: string, now = new Date()) {
  if (isBenchRun()) return;
  const { portalRequestsPerIpHour } = await getSettings();
  const limit = perIpLimit(ip, portalRequestsPerIpHour * UPLOADS_PER_REQUEST);
  if (!(await isWithinRateLimit(db, "portal-upload:ip", ip, limit, HOUR, now))) {
    throw new UserFacingError("rateLimited", "rate_limited");
  }
}
