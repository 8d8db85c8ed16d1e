// Mail account passwords at rest: AES-256-GCM with MAIL_ACCOUNT_KEY, or — in the
// embedded default — a random key generated at first start under the data
// directory (as lib/setup/auth-secret.ts does for AUTH_SECRET).
import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { readDataSecret } from "../../setup/data-secret";

const VERSION = "v1";

/** The 32-byte key: MAIL_ACCOUNT_KEY (any string, hashed to 32 bytes), else ./data/mail-account-key. */
function readKey(): Buffer {
  const secret = process.env.MAIL_ACCOUNT_KEY || readDataSecret("mail-account-key");
  return createHash("sha256").update(secret).digest();
}

/** Encrypts a password as "v1.<iv>.<tag>.<ciphertext>" (base64url parts, random 12-byte IV). */
export function encryptAccountPassword(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", readKey(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), data].map((part) => part.toString("base64url"));
  return [VERSION, ...parts].join(".");
}

/**
 * Decrypts what encryptAccountPassword wrote. Throws when the key changed or
 * the value was tampered with (GCM authentication), never returns garbage.
 */
export function decryptAccountPassword(stored: string): string {
  const [version, iv, tag, data] = stored.split(".");
  if (version !== VERSION || !iv || !tag || data === undefined)
    throw new Error("mail account password: unknown format");
  const decipher = createDecipheriv("aes-256-gcm", readKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([
    decipher.update(Buffer.from(data, "base64url")),
    decipher.final(),
  ]).toString("utf8");
}
