import type { Channel, Direction } from "../generated/sqlite/enums";
import { createMessageId } from "../mail/message-id";
import type { NewArticle } from "./write-article";

export type AgentArticleChannel = Extract<Channel, "note" | "phone" | "email">;

export interface ComposeAgentArticleOptions {
  channel: AgentArticleChannel;
  ticket: { title: string; customer: { email: string } };
  agent: { id: number; email: string };
  text: string;
  /** Default: "Re: <ticket title>". */
  subject?: string;
  /** Default: visible unless an internal note. */
  visibleToCustomer?: boolean;
}

/**
 * An article an agent writes, with direction, sender and recipient taken from
 * its channel (as OTRS's note / phone / e-mail screens do): a note is internal
 * and from the agent; a phone article records the customer's call (incoming,
 * from the customer); an e-mail goes out to the customer with our own
 * Message-ID, its sender set when the mail is sent.
 */
export function composeAgentArticle(options: ComposeAgentArticleOptions): NewArticle {
  const { channel, ticket, agent } = options;
  const direction: Direction = channel === "note" ? "internal" : channel === "phone" ? "in" : "out";
  return {
    channel,
    direction,
    visibleToCustomer: options.visibleToCustomer ?? channel !== "note",
    subject: options.subject ?? `Re: ${ticket.title}`,
    text: options.text,
    authorAgentId: agent.id,
    fromAddress:
      channel === "phone" ? ticket.customer.email : channel === "note" ? agent.email : "",
    toAddress: channel === "email" ? ticket.customer.email : "",
    messageId: channel === "email" ? createMessageId() : null,
  };
}
