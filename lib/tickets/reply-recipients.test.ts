import { describe, expect, it } from "vitest";
import { quoteText, replyRecipients } from "./reply-recipients";

const own = new Set(["wlan@desk.example", "helpdesk@desk.example", "noreply@desk.example"]);
const article = {
  fromAddress: "Carol Meyer <Carol@Example.org>",
  toAddress: "WLAN <wlan@desk.example>, Dave <dave@example.org>",
  cc: "helpdesk@DESK.example, erin@example.org, carol@example.org, dave@example.org",
};

describe("replyRecipients", () => {
  it("answers the sender of the latest customer mail", () => {
    expect(
      replyRecipients({ mode: "reply", customerEmail: "carol@example.org", article, own }),
    ).toEqual({ to: "carol@example.org", cc: "" });
  });

  it("reply-all adds the other recipients, never the desk's own addresses, each once", () => {
    expect(
      replyRecipients({ mode: "replyAll", customerEmail: "carol@example.org", article, own }),
    ).toEqual({ to: "carol@example.org", cc: "dave@example.org, erin@example.org" });
  });

  it("falls back to the ticket's customer, forwards to nobody yet", () => {
    expect(
      replyRecipients({ mode: "replyAll", customerEmail: "carol@example.org", article: null, own }),
    ).toEqual({ to: "carol@example.org", cc: "" });
    expect(
      replyRecipients({
        mode: "reply",
        customerEmail: "carol@example.org",
        article: { fromAddress: "wlan@desk.example", toAddress: "", cc: "" },
        own,
      }),
    ).toEqual({ to: "carol@example.org", cc: "" });
    expect(
      replyRecipients({ mode: "forward", customerEmail: "carol@example.org", article, own }),
    ).toEqual({ to: "", cc: "" });
  });
});

describe("quoteText", () => {
  it("puts each line behind '> '", () => {
    expect(quoteText("Hello\r\n> earlier\n\nbye\n")).toBe("> Hello\n>> earlier\n> \n> bye");
  });
});
