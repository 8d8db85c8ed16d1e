import "server-only";
import { ImapFlow } from "imapflow";
import { decryptAccountPassword } from "./account-secret";

/** The connection settings of a mail account as stored (password encrypted). */
export interface ImapSettings {
  host: string;
  port: number;
  security: string; // tls, starttls, none
  username: string;
  passwordEncrypted: string;
}

/** Seconds to wait for a connection, a greeting, or an answer before the attempt fails. */
const TIMEOUT_MS = 30_000;

/**
 * An ImapFlow client for the account (not yet connected). "tls" connects with
 * TLS, "starttls" must upgrade (fails when the server does not offer it),
 * "none" stays in cleartext (a server on the same host or a trusted network).
 */
export function createImapClient(account: ImapSettings): ImapFlow {
  return new ImapFlow({
    host: account.host,
    port: account.port,
    secure: account.security === "tls",
    doSTARTTLS:
      account.security === "starttls" ? true : account.security === "none" ? false : undefined,
    auth: { user: account.username, pass: decryptAccountPassword(account.passwordEncrypted) },
    logger: false,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: 5 * 60_000,
  });
}
