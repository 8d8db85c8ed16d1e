// One pass over a mail account's folder: every message is stored raw (the one
// intake, provider "imap"), then moved or deleted on the server, then processed.
import type { ImapFlow } from "imapflow";
import { db, transaction } from "../../db";
import type { MailAccount } from "../../generated/sqlite/client";
import { processInboundMessage } from "../inbound/process-inbound-message";
import { storeInboundMessage } from "../inbound/store-inbound-message";
import { assertAccountLease } from "./account-lease";

/** Messages downloaded (and then moved) per round trip: large mailboxes are read in batches. */
export const FETCH_BATCH = 50;

/** The intake's provider id of one message: account, UIDVALIDITY and UID (unique for the folder's life). */
export const imapProviderId = (accountId: number, uidValidity: bigint, uid: number) =>
  `${accountId}:${uidValidity}:${uid}`;

export interface FetchOutcome {
  /** Messages stored by this pass. */
  stored: number;
  /** Messages moved or deleted on the server by this pass (stored by it or by an earlier one). */
  cleared: number;
  /** The folder's UIDVALIDITY differed from the recorded one. */
  uidValidityChanged: boolean;
}

const chunks = <T>(items: T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/** Marks seen and moves to the account's folder, or deletes: only for messages already committed. */
async function clearOnServer(client: ImapFlow, account: MailAccount, uids: number[]) {
  if (uids.length === 0) return;
  const range = uids.join(",");
  if (account.afterStore === "delete") {
    await client.messageDelete(range, { uid: true });
    return;
  }
  const target = account.moveTo || "Processed";
  await client.messageFlagsAdd(range, ["\\Seen"], { uid: true });
  if (!(await client.messageMove(range, target, { uid: true }))) {
    // The folder does not exist yet (a new account): create it and move again.
    await client.mailboxCreate(target).catch(() => {});
    if (!(await client.messageMove(range, target, { uid: true })))
      throw new Error(`could not move messages to ${target}`);
  }
}

/** Processes this account's stored messages not processed yet (a pass that died, transient trouble). */
export async function processPendingImapMail(accountId: number) {
  const pending = await db.inboundMessage.findMany({
    where: { provider: "imap", providerId: { startsWith: `${accountId}:` }, status: "received" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  for (const { id } of pending) await processInboundMessage(id);
  return pending.length;
}

/**
 * Reads the account's folder on a connected client while `owner` holds the
 * account's lease. Per batch of UIDs: downloads what is not stored yet, stores
 * each raw message in a transaction that also checks the lease and records
 * the last UID, then — only then — moves or deletes the batch on the server,
 * and processes what it stored. A pass cut anywhere loses nothing (a message
 * leaves the server only after its commit) and stores nothing twice (the next
 * pass finds the stored provider ids and only clears them). A changed
 * UIDVALIDITY is recorded; the messages still in the folder then get new
 * provider ids, are stored again and processed as duplicates (same Message-ID
 * and content), never as new tickets.
 */
export async function fetchMailAccount(input: {
  client: ImapFlow;
  account: MailAccount;
  owner: string;
  batchSize?: number;
  /** Called after each stored message with the pass's count so far (progress; tests cut connections here). */
  onStored?: (stored: number) => void | Promise<void>;
}): Promise<FetchOutcome> {
  const { client, account, owner } = input;
  const outcome: FetchOutcome = { stored: 0, cleared: 0, uidValidityChanged: false };
  const queueHint = account.queueId
    ? ((await db.queue.findUnique({ where: { id: account.queueId }, select: { name: true } }))
        ?.name ?? null)
    : null;
  const lock = await client.getMailboxLock(account.folder);
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error(`folder ${account.folder} could not be opened`);
    const uidValidity = BigInt(mailbox.uidValidity);
    let lastUid = account.lastUid;
    if (account.uidValidity !== null && account.uidValidity !== uidValidity) {
      outcome.uidValidityChanged = true;
      lastUid = 0n;
      await transaction((tx) =>
        assertAccountLease(tx, { accountId: account.id, owner, data: { uidValidity, lastUid } }),
      );
    } else if (account.uidValidity === null) {
      await transaction((tx) =>
        assertAccountLease(tx, { accountId: account.id, owner, data: { uidValidity } }),
      );
    }
    const uids = ((await client.search({ all: true }, { uid: true })) || []).sort((a, b) => a - b);
    for (const batch of chunks(uids, input.batchSize ?? FETCH_BATCH)) {
      const ids = new Map(batch.map((uid) => [imapProviderId(account.id, uidValidity, uid), uid]));
      const known = await db.inboundMessage.findMany({
        where: { provider: "imap", providerId: { in: [...ids.keys()] } },
        select: { providerId: true },
      });
      const stored = new Set(known.map((row) => ids.get(row.providerId!)!));
      const missing = batch.filter((uid) => !stored.has(uid));
      const fresh: number[] = [];
      if (missing.length > 0) {
        for await (const message of client.fetch(
          missing.join(","),
          { uid: true, source: true },
          { uid: true },
        )) {
          if (!message.source) continue;
          const uid = message.uid;
          if (BigInt(uid) > lastUid) lastUid = BigInt(uid);
          const row = await transaction(async (tx) => {
            await assertAccountLease(tx, { accountId: account.id, owner, data: { lastUid } });
            return storeInboundMessage(
              {
                provider: "imap",
                providerId: imapProviderId(account.id, uidValidity, uid),
                raw: message.source,
                queueHint,
              },
              tx,
            );
          });
          stored.add(uid);
          fresh.push(row.id);
          outcome.stored++;
          await input.onStored?.(outcome.stored);
        }
      }
      const clear = batch.filter((uid) => stored.has(uid));
      await clearOnServer(client, account, clear);
      outcome.cleared += clear.length;
      for (const id of fresh) await processInboundMessage(id);
    }
  } finally {
    lock.release();
  }
  await processPendingImapMail(account.id);
  return outcome;
}
