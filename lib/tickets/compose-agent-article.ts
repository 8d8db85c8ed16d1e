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
  /** A phone article: the customer called ("in", default) or the agent called them ("out"). */
  call?: "in" | "out";
}

/**
 * An article an agent writes, with direction, sender and recipient taken from
 * its channel (as OTRS's note / phone / e-mail screens do): a note is internal
 * and from the agent; a phone article records a call (the customer's: incoming,
 * from the customer; the agent's: outgoing, to the customer); an e-mail goes out to the customer with our own
 * Message-ID, its sender set when the mail is sent.
 */
export function composeAgentArticle(options: ComposeAgentArticleOptions): NewArticle {
  const { channel, ticket, agent } = options;
  const isCallIn = channel === "phone" && options.call !== "out";
  const direction: Direction = channel === "note" ? "internal" : isCallIn ? "in" : "out";
  return {
    channel,
    direction,
    visibleToCustomer: options.visibleToCustomer ?? channel !== "note",
    subject: options.subject ?? `Re: ${ticket.title}`,
    text: options.text,
    authorAgentId: agent.id,
    fromAddress: isCallIn ? ticket.customer.email : channel === "email" ? "" : agent.email,
    toAddress:
      channel === "email" || (channel === "phone" && !isCallIn) ? ticket.customer.email : "",
    messageId: channel === "email" ? createMessageId() : null,
  };
}
