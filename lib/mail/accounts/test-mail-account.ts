import "server-only";
import { db } from "../../db";
import { UserFacingError } from "../../errors";
import type { ImapFlow } from "imapflow";
import { createImapClient } from "./imap-client";

export interface ConnectionCheck {
  ok: boolean;
  /** Messages waiting in the folder (when ok). */
  messages?: number;
  /** The server's or the network's words (when not ok). */
  error?: string;
}

/**
 * "Test connection": signs in with the stored settings and opens the folder
 * read-only (nothing is fetched, moved or recorded). Errors: not_found.
 */
export async function testMailAccount(accountId: number): Promise<ConnectionCheck> {
  const account = await db.mailAccount.findUnique({ where: { id: accountId } });
  if (!account) throw new UserFacingError("Not found", "not_found", undefined, "notFound");
  let client: ImapFlow | undefined;
  try {
    client = createImapClient(account);
    client.on("error", () => {});
    await client.connect();
    const mailbox = await client.mailboxOpen(account.folder, { readOnly: true });
    return { ok: true, messages: mailbox.exists };
  } catch (error) {
    const e = error as Error & { responseText?: string };
    return { ok: false, error: (e.responseText || e.message || String(error)).slice(0, 500) };
  } finally {
    await client?.logout().catch(() => client?.close());
  }
}
