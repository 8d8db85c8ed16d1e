import { config } from "../config";
import { db, type Tx } from "../db";
import { parseMailbox } from "./inbound/parse-address";

/** A queue's inbound address, lower-cased as stored (QueueAddress). */
export type QueueAddressRow = { address: string; queueId: number };

/** Every queue's inbound address with its queue (one read; few rows: one or two per queue). */
export function loadQueueAddresses(
  client: Pick<Tx, "queueAddress"> = db,
): Promise<QueueAddressRow[]> {
  return client.queueAddress.findMany({ select: { address: true, queueId: true } });
}

/**
 * The desk's own addresses, lower-cased (DESIGN "Own addresses"): MAIL_FROM,
 * every queue's inbound address and the configured system senders
 * (SYSTEM_SENDERS). Mail from one is never answered automatically and its
 * sender is never a customer who gets mail; the desk never mails one.
 * `queueAddresses` as loadQueueAddresses reads them.
 */
export function ownAddressesOf(queueAddresses: { address: string }[]): Set<string> {
  const mailFrom = parseMailbox(config.mailFrom)?.address;
  return new Set(
    [mailFrom, ...queueAddresses.map((q) => q.address), ...config.systemSenders]
      .filter((address): address is string => !!address)
      .map((address) => address.toLowerCase()),
  );
}

/** The desk's own addresses (ownAddressesOf), read now. Pass `client` to read inside a transaction. */
export async function loadOwnAddresses(
  client: Pick<Tx, "queueAddress"> = db,
): Promise<Set<string>> {
  return ownAddressesOf(await loadQueueAddresses(client));
}

/**
 * Whether a recipient field ("a@x", "Name <a@x>", or a comma-separated list)
 * names only the desk's own addresses (any case) — mail that must not be sent.
 * `own` as loadOwnAddresses gives them (read once per mail by the send job).
 */
export function isOwnAddress(recipients: string, own: Set<string>): boolean {
  const mailboxes = recipients
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((part) => parseMailbox(part))
    .filter((mailbox) => mailbox !== null);
  if (!mailboxes.length) return false;
  return mailboxes.every((mailbox) => own.has(mailbox.address));
}
