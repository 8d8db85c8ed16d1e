import { randomUUID } from "node:crypto";
import { config } from "../config";

/** Domain of our Message-IDs: the MAIL_FROM address's domain. */
export function mailDomain(): string {
  const match = /@([^>\s]+)>?\s*$/.exec(config.mailFrom);
  return match ? match[1].toLowerCase() : "localhost";
}

export function createMessageId(): string {
  return `<${randomUUID()}@${mailDomain()}>`;
}
