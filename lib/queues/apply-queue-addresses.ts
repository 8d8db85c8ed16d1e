import { db } from "../db";
import { UserFacingError } from "../errors";

export interface QueueAddressEntry {
  address: string;
  queue: string;
}

/** Parses "support@x.example=Misc, wlan@x.example=WLAN" (QUEUE_ADDRESSES). */
export function parseQueueAddresses(spec: string): QueueAddressEntry[] {
  return spec
    .split(/[,\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const match = /^([^\s=@]+@[^\s=]+)\s*=\s*(.+)$/.exec(part);
      if (!match) throw new UserFacingError(`QUEUE_ADDRESSES: "${part}" is not "address=Queue"`);
      return { address: match[1].toLowerCase(), queue: match[2].trim() };
    });
}

/**
 * Makes the configured inbound addresses route to their queues (new tickets
 * to that address land there, replies go out with it as Reply-To). The first
 * address listed for a queue is its primary one. Applied only while no queue
 * address exists at all (a fresh desk): afterwards admins manage addresses in
 * the browser, and a restart never undoes their edits. Returns whether it applied.
 */
export async function applyQueueAddresses(entries: QueueAddressEntry[]): Promise<boolean> {
  if (entries.length === 0 || (await db.queueAddress.count()) > 0) return false;
  const firstPerQueue = new Set<string>();
  for (const entry of entries) {
    const queue = await db.queue.findUnique({ where: { name: entry.queue } });
    if (!queue) throw new UserFacingError(`QUEUE_ADDRESSES: no queue named "${entry.queue}"`);
    const isPrimary = !firstPerQueue.has(entry.queue);
    firstPerQueue.add(entry.queue);
    await db.queueAddress.upsert({
      where: { address: entry.address },
      create: { address: entry.address, queueId: queue.id, isPrimary },
      update: { queueId: queue.id, isPrimary },
    });
  }
  return true;
}
