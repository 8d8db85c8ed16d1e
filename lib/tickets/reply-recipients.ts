import type { ReplyMode } from "./schemas";

export interface RepliedArticle {
  fromAddress: string;
  toAddress: string;
  cc: string;
}

/** Addresses of a header-like list ("A <a@x>, b@y"), lower-cased, in order, without repeats. */
export function addressesOf(list: string): string[] {
  const found = list
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((part) => (/<([^<>\s]+@[^<>\s]+)>/.exec(part)?.[1] ?? part).trim().toLowerCase())
    .filter((address) => /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/.test(address));
  return [...new Set(found)];
}

/**
 * Who a reply goes to (OTRS's reply / reply-all / forward): a reply answers the sender
 * of the article replied to (the customer's latest mail), else the ticket's customer;
 * reply-all adds that mail's other recipients as Cc; forward starts empty. The desk's own
 * addresses (`own`, lower-cased: lib/mail/own-addresses.ts) are never among them.
 */
export function replyRecipients(options: {
  mode: ReplyMode;
  customerEmail: string;
  article: RepliedArticle | null;
  own: Set<string>;
}): { to: string; cc: string } {
  const { mode, article, own } = options;
  if (mode === "forward") return { to: "", cc: "" };
  const notOwn = (address: string) => !own.has(address);
  const sender = addressesOf(article?.fromAddress ?? "").filter(notOwn);
  const to = sender.length ? sender : addressesOf(options.customerEmail).filter(notOwn);
  if (mode === "reply") return { to: to.join(", "), cc: "" };
  const others = addressesOf(`${article?.toAddress ?? ""},${article?.cc ?? ""}`).filter(
    (address) => notOwn(address) && !to.includes(address),
  );
  return { to: to.join(", "), cc: others.join(", ") };
}

/** The text quoted in a reply: each line behind "> ". */
export function quoteText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .trimEnd()
    .split("\n")
    .map((line) => (line.startsWith(">") ? `>${line}` : `> ${line}`))
    .join("\n");
}
