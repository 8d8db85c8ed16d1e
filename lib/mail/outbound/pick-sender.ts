import { parseMailbox } from "../inbound/parse-address";

export interface SenderChoice {
  from: string;
  replyTo?: string;
}

/** A display name safe inside a From header ("Web-Team <x@y>"): quotes and line breaks removed. */
function mailbox(name: string, address: string): string {
  const clean = name.replace(/["\r\n<>]/g, "").trim();
  return clean ? `"${clean}" <${address}>` : address;
}

/**
 * From and Reply-To of a mail to a customer (issue 14, sender rule). The provider only
 * delivers mail from verified domains, so a queue address whose domain is verified
 * (`verifiedDomains`: MAIL_VERIFIED_DOMAINS, default MAIL_FROM's domain) is the sender
 * itself; any other queue address becomes the Reply-To of mail sent from MAIL_FROM. The
 * queue's sender name is the display name either way. Without a queue address: MAIL_FROM,
 * replies to it. Pure.
 */
export function pickSender(options: {
  mailFrom: string;
  queueAddress?: { address: string; name: string } | null;
  verifiedDomains: string[];
}): SenderChoice {
  const own = parseMailbox(options.mailFrom);
  const queue = options.queueAddress;
  if (!own) return { from: options.mailFrom, replyTo: queue?.address ?? options.mailFrom };
  if (!queue) return { from: options.mailFrom, replyTo: options.mailFrom };
  const domain = queue.address.split("@").pop()!.toLowerCase();
  const verified = options.verifiedDomains.map((d) => d.toLowerCase()).includes(domain);
  const name = queue.name || own.name;
  return verified
    ? { from: mailbox(name, queue.address), replyTo: queue.address }
    : { from: mailbox(name, own.address), replyTo: queue.address };
}
