import { describe, expect, it } from "vitest";
import { findQuoteStart, splitQuoted } from "./extract-quoted";

describe("splitQuoted", () => {
  it("finds an English attribution and > quotes", () => {
    const text =
      "Still broken.\n\nOn Mon, 1 Dec 2025 at 10:00, Help Desk <hd@x> wrote:\n> Did you restart?\n";
    expect(splitQuoted(text)).toEqual({
      body: "Still broken.",
      quoted: "On Mon, 1 Dec 2025 at 10:00, Help Desk <hd@x> wrote:\n> Did you restart?\n",
    });
  });

  it("finds German and Outlook markers", () => {
    expect(splitQuoted("Danke!\nAm 01.12.2025 um 10:00 schrieb Help Desk:\n> x").body).toBe(
      "Danke!",
    );
    const outlook = "Thanks\n\n-----Original Message-----\nFrom: a\nSent: b\n";
    expect(splitQuoted(outlook).body).toBe("Thanks");
    const rule = "Thanks\n________________________________\nVon: Help Desk\nGesendet: heute\n";
    expect(splitQuoted(rule).body).toBe("Thanks");
  });

  it("leaves mail without history alone", () => {
    expect(findQuoteStart("Hello\nplease help\n")).toBeNull();
    expect(splitQuoted("Hello")).toEqual({ body: "Hello", quoted: "" });
  });
});
