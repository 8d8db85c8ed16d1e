// One pass over a mail account's folder: every message is stored raw (the one
// intake, provider "imap"), then moved or deleted on the server, then processed.
// A message over INBOUND_MAX_BYTES is not downloaded: only its header is kept,
// as a failed delivery with the reason, and it is cleared like the others.
import type { ImapFlow } from "imapflow";
import { config } from "../../config";
import { db, transaction, type Tx } from "../../db";
import type { MailAccount } from "../../generated/sqlite/client";
import { processInboundMessage } from "../inbound/process-inbound-message";
import { storeInboundMessage } from "../inbound/store-inbound-message";
import { assertAccountLease } from "./account-lease";
import {
  OVERSIZED_HEADER_BYTES,
  oversizedReason,
  storeOversizedMessage,
} from "./store-oversized-message";

/** Messages downloaded (and then moved) per round trip: large mailboxes are read in batches. */
export const FETCH_BATCH = 50;

/** The intake's provider id of one message: account, UIDVALIDITY and UID (unique for the folder's life). */
export const imapProviderId = (accountId: number, uidValidity: bigint, uid: number) =>
  `${accountId}:${uidValidity}:${uid}`;

export interface FetchOutcome {
  /** Messages stored by this pass (the too-large ones included). */
  stored: number;
  /** Of those, messages over the size limit: stored as failed with their header only. */
  tooLarge: number;
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

/** RFC822.SIZE of each of `uids` (bytes), as the server reports it; a UID it does not report is absent. */
async function readSizes(client: ImapFlow, uids: number[]) {
  const sizes = new Map<number, number>();
  for await (const message of client.fetch(
    uids.join(","),
    { uid: true, size: true },
    { uid: true },
  ))
    if (typeof message.size === "number") sizes.set(message.uid, message.size);
  return sizes;
}

/** The header fetched with BODY.PEEK[HEADER]<0.n> (imapflow names it by its partial origin, too). */
const headerOf = (message: { headers?: Buffer; bodyParts?: Map<string, Buffer> }) =>
  message.headers ??
  [...(message.bodyParts ?? [])].find(([key]) => key.startsWith("header"))?.[1] ??
  null;

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
 * and processes what it stored. A message whose size on the server
 * (RFC822.SIZE) is over `maxBytes` (default INBOUND_MAX_BYTES, as the
 * webhooks) is not downloaded: its header alone (BODY.PEEK[HEADER], at most
 * OVERSIZED_HEADER_BYTES) is stored as a failed delivery with the reason, in
 * the same transaction with the lease check, and it is then cleared like
 * every stored message. A pass cut anywhere loses nothing (a message
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
  /** Largest message downloaded, bytes; default INBOUND_MAX_BYTES. */
  maxBytes?: number;
  /** Called after each stored message with the pass's count so far (progress; tests cut connections here). */
  onStored?: (stored: number) => void | Promise<void>;
}): Promise<FetchOutcome> {
  const { client, account, owner } = input;
  const outcome: FetchOutcome = { stored: 0, tooLarge: 0, cleared: 0, uidValidityChanged: false };
  const maxBytes = input.maxBytes ?? config.inboundMaxBytes;
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
      /** Commits one message's row together with the lease check and the last UID. */
      const keep = async (uid: number, store: (tx: Tx) => Promise<{ id: number }>) => {
        if (BigInt(uid) > lastUid) lastUid = BigInt(uid);
        const row = await transaction(async (tx) => {
          await assertAccountLease(tx, { accountId: account.id, owner, data: { lastUid } });
          return store(tx);
        });
        stored.add(uid);
        outcome.stored++;
        await input.onStored?.(outcome.stored);
        return row;
      };
      if (missing.length > 0) {
        // Sizes first: a message over the limit is never downloaded whole.
        const sizes = await readSizes(client, missing);
        const tooLarge = missing.filter((uid) => (sizes.get(uid) ?? 0) > maxBytes);
        const wanted = missing.filter((uid) => !tooLarge.includes(uid));
        if (wanted.length > 0) {
          for await (const message of client.fetch(
            wanted.join(","),
            { uid: true, source: true },
            { uid: true },
          )) {
            if (!message.source) continue;
            const source = message.source;
            const row = await keep(message.uid, (tx) =>
              storeInboundMessage(
                {
                  provider: "imap",
                  providerId: imapProviderId(account.id, uidValidity, message.uid),
                  raw: source,
                  queueHint,
                },
                tx,
              ),
            );
            fresh.push(row.id);
          }
        }
        if (tooLarge.length > 0) {
          for await (const message of client.fetch(
            tooLarge.join(","),
            { uid: true, bodyParts: [{ key: "header", maxLength: OVERSIZED_HEADER_BYTES }] },
            { uid: true },
          )) {
            const size = sizes.get(message.uid)!;
            await keep(message.uid, (tx) =>
              storeOversizedMessage(tx, {
                accountId: account.id,
                providerId: imapProviderId(account.id, uidValidity, message.uid),
                size,
                reason: oversizedReason({ size, maxBytes, account }),
                header: headerOf(message),
                queueHint,
              }),
            );
            outcome.tooLarge++;
          }
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
