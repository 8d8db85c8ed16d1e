import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { formatMailbox } from "./format-mailbox";

/** What a mail client reads from a From header with this value. */
async function readFrom(value: string) {
  const mail = await simpleParser(
    `From: ${value}\r\nTo: c@example.org\r\nSubject: x\r\n\r\nbody\r\n`,
  );
  const from = mail.from?.value ?? [];
  return {
    mailboxes: from.map((m) => ({ name: m.name, address: m.address })),
    headers: mail.headerLines.map((h) => h.key),
  };
}

describe("formatMailbox", () => {
  it("quotes a plain name and keeps the address", async () => {
    const value = formatMailbox({ name: "Tom Becker via Help Desk", address: "wlan@desk.example" });
    expect(value).toBe('"Tom Becker via Help Desk" <wlan@desk.example>');
    expect((await readFrom(value)).mailboxes).toEqual([
      { name: "Tom Becker via Help Desk", address: "wlan@desk.example" },
    ]);
  });

  it("RFC 2047-encodes a name with non-ASCII letters", async () => {
    const value = formatMailbox({ name: "Jürgen Weiß via Hilfe", address: "wlan@desk.example" });
    expect(value).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <wlan@desk\.example>$/);
    expect((await readFrom(value)).mailboxes).toEqual([
      { name: "Jürgen Weiß via Hilfe", address: "wlan@desk.example" },
    ]);
  });

  it("keeps quotes, commas, angle brackets and at-signs inside the name: one mailbox, ours", async () => {
    for (const name of [
      'Tom "The Boss" Becker',
      "Becker, Tom",
      "Evil <evil@attacker.example>, x",
      'a\\" <evil@attacker.example>',
      "=?UTF-8?B?ZXZpbEBhdHRhY2tlci5leGFtcGxl?=",
    ]) {
      const value = formatMailbox({ name, address: "wlan@desk.example" });
      const { mailboxes } = await readFrom(value);
      expect(mailboxes, name).toHaveLength(1);
      expect(mailboxes[0].address, name).toBe("wlan@desk.example");
    }
  });

  it("never lets a line break in the name start a header", async () => {
    const value = formatMailbox({
      name: "Tom\r\nBcc: victim@example.org\r\n\r\nhello",
      address: "wlan@desk.example",
    });
    expect(value).not.toMatch(/[\r\n]/);
    const read = await readFrom(value);
    expect(read.headers).not.toContain("bcc");
    expect(read.mailboxes).toEqual([
      { name: "Tom Bcc: victim@example.org hello", address: "wlan@desk.example" },
    ]);
  });

  it("refuses an address that is not one plain address", () => {
    for (const address of [
      "a@b.example\r\nBcc: x@y.example",
      "a@b.example, c@d.example",
      "nobody",
    ]) {
      expect(() => formatMailbox({ name: "Tom", address })).toThrow();
    }
  });
});
