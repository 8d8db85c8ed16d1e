import type { MailAddress } from "./inbound-mail";

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/;

export function isPlausibleEmail(value: string): boolean {
  return EMAIL.test(value) && value.length <= 320;
}

/** A mailbox from "Name <a@b>", "<a@b>" or "a@b"; null when there is no plausible address. */
export function parseMailbox(value: string | null | undefined, name = ""): MailAddress | null {
  if (!value) return null;
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  const address = (bracketed ? bracketed[1] : value.trim().replace(/^<|>$/g, "")).toLowerCase();
  if (!isPlausibleEmail(address)) return null;
  const display =
    name ||
    (bracketed
      ? value
          .slice(0, bracketed.index)
          .trim()
          .replace(/^"(.*)"$/, "$1")
      : "");
  return { address, name: display };
}
