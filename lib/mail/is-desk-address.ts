import { config } from "../config";
import type { Tx } from "../db";

/** The bare address inside MAIL_FROM ("Help Desk <help@uni.example>" → "help@uni.example"). */
export function mailFromAddress(): string {
  const from = config.mailFrom;
  return (/<([^>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();
}

/**
 * Whether an address is one of the desk's own (DESIGN "Own addresses"): our
 * sender (MAIL_FROM) or a queue's inbound address (QueueAddress, which
 * QUEUE_ADDRESSES fills). Such an address is never a customer who gets mail.
 */
export async function isDeskAddress(tx: Tx, address: string): Promise<boolean> {
  const normalised = address.trim().toLowerCase();
  if (normalised === mailFromAddress()) return true;
  return (await tx.queueAddress.count({ where: { address: normalised } })) > 0;
}
