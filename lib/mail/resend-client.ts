import "server-only";
import { Resend } from "resend";
import { config } from "../config";

let client: Resend | undefined;
let clientKey = "";

/** The Resend SDK client, created lazily (construction without a key throws, which would break builds). */
export function getResend(): Resend {
  const key = config.resendApiKey;
  if (!key) throw new Error("RESEND_API_KEY is not set");
  if (!client || clientKey !== key) {
    client = new Resend(key, config.resendBaseUrl ? { baseUrl: config.resendBaseUrl } : undefined);
    clientKey = key;
  }
  return client;
}
