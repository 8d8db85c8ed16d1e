import { db } from "../../db";
import { embeddedOriginals } from "./find-ticket-for-message";
import type { InboundMail } from "./inbound-mail";

const ADDRESS = /[^\s<>"',;:()[\]]+@[^\s<>"',;:()[\]]+/g;

/** Lower-cased addresses in a stored To/Cc value ("Name <a@b>, c@d"). */
const addressesIn = (value: string) =>
  (value.match(ADDRESS) ?? []).map((address) => address.toLowerCase());

/**
 * Marks the failed recipients of a delivery report as bouncing — only those
 * we really mailed: the report must carry (in its embedded original's
 * Message-ID / In-Reply-To / References) the Message-ID of one of our
 * outgoing articles addressed to that recipient. Anyone can send a report
 * naming any address; without this a forged one would silence a customer.
 * Returns the addresses marked.
 */
export async function markBouncingRecipients(input: {
  mail: InboundMail;
  failedRecipients: string[];
  now: Date;
}): Promise<string[]> {
  if (input.failedRecipients.length === 0) return [];
  const { ids } = embeddedOriginals(input.mail);
  if (ids.length === 0) return [];
  const ours = await db.article.findMany({
    where: { messageId: { in: ids }, direction: "out" },
    select: { toAddress: true, cc: true },
  });
  const mailed = new Set(ours.flatMap((a) => [...addressesIn(a.toAddress), ...addressesIn(a.cc)]));
  const confirmed = input.failedRecipients.filter((address) => mailed.has(address));
  if (confirmed.length > 0) {
    await db.customer.updateMany({
      where: { email: { in: confirmed }, bouncingAt: null },
      data: { bouncingAt: input.now },
    });
  }
  return confirmed;
}
