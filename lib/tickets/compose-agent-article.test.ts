import { describe, expect, it } from "vitest";
import { composeAgentArticle } from "./compose-agent-article";

const ticket = { title: "Eduroam drops", customer: { email: "carol@example.org" } };
const agent = { id: 7, email: "agent@desk.example" };

describe("composeAgentArticle", () => {
  it("makes a note internal, from the agent, hidden from the customer", () => {
    expect(composeAgentArticle({ channel: "note", ticket, agent, text: "checked" })).toMatchObject({
      channel: "note",
      direction: "internal",
      visibleToCustomer: false,
      fromAddress: "agent@desk.example",
      toAddress: "",
      messageId: null,
      authorAgentId: 7,
      subject: "Re: Eduroam drops",
    });
  });

  it("records a call the agent made as going out to the customer", () => {
    expect(
      composeAgentArticle({ channel: "phone", ticket, agent, text: "called back", call: "out" }),
    ).toMatchObject({
      direction: "out",
      visibleToCustomer: true,
      fromAddress: "agent@desk.example",
      toAddress: "carol@example.org",
      messageId: null,
    });
  });

  it("records a phone call as coming in from the customer", () => {
    expect(composeAgentArticle({ channel: "phone", ticket, agent, text: "called" })).toMatchObject({
      direction: "in",
      visibleToCustomer: true,
      fromAddress: "carol@example.org",
      toAddress: "",
      messageId: null,
    });
  });

  it("sends an e-mail out to the customer with a Message-ID of our own", () => {
    const mail = composeAgentArticle({
      channel: "email",
      ticket,
      agent,
      text: "fixed",
      subject: "Your WLAN",
    });
    expect(mail).toMatchObject({
      direction: "out",
      visibleToCustomer: true,
      fromAddress: "",
      toAddress: "carol@example.org",
      subject: "Your WLAN",
    });
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
    expect(composeAgentArticle({ channel: "email", ticket, agent, text: "x" }).messageId).not.toBe(
      mail.messageId,
    );
  });

  it("lets the caller hide a phone article or show a note", () => {
    const hidden = composeAgentArticle({
      channel: "phone",
      ticket,
      agent,
      text: "x",
      visibleToCustomer: false,
    });
    expect(hidden.visibleToCustomer).toBe(false);
    const shown = composeAgentArticle({
      channel: "note",
      ticket,
      agent,
      text: "x",
      visibleToCustomer: true,
    });
    expect(shown.visibleToCustomer).toBe(true);
  });
});
