// DESIGN "Charsets": declared charset when it decodes, else UTF-8 when valid, else windows-1252.
import { describe, expect, it } from "vitest";
import { chooseCharset, decodeUndeclared } from "./normalise-charsets";
import { parseMime } from "./parse-mime";

const latin1 = (s: string) => Buffer.from(s.replace(/\r?\n/g, "\r\n"), "latin1");
const utf8 = (s: string) => Buffer.from(s.replace(/\r?\n/g, "\r\n"), "utf8");

describe("chooseCharset", () => {
  it("keeps a declared charset that decodes the bytes", () => {
    expect(chooseCharset("iso-8859-2", latin1("\xB1"))).toBe("iso-8859-2");
    expect(chooseCharset("koi8-r", latin1("\xC1\xC2"))).toBe("koi8-r");
    expect(chooseCharset("utf-8", utf8("größer"))).toBe("utf-8");
  });
  it("falls back to UTF-8 when valid, else windows-1252", () => {
    expect(chooseCharset(null, utf8("größer"))).toBe("utf-8");
    expect(chooseCharset(null, latin1("gr\xF6\xDFer"))).toBe("windows-1252");
    expect(chooseCharset("utf-8", latin1("gr\xF6\xDFer"))).toBe("windows-1252");
    expect(chooseCharset("us-ascii", latin1("caf\xE9"))).toBe("windows-1252");
    expect(chooseCharset("us-ascii", utf8("café"))).toBe("us-ascii"); // read as UTF-8 by the parser
    // Shift_JIS that is not Shift_JIS (a lone lead byte) cannot be decoded as declared.
    expect(chooseCharset("shift_jis", latin1("\x81"))).toBe("windows-1252");
  });
  it("decodes undeclared header bytes", () => {
    expect(decodeUndeclared(latin1("Gr\xFC\xDFe"))).toBe("Grüße");
    expect(decodeUndeclared(utf8("Grüße"))).toBe("Grüße");
    expect(decodeUndeclared(latin1("\x80 \x93x\x94"))).toBe("€ “x”");
  });
});

describe("parseMime with undeclared 8-bit text", () => {
  it("reads a Latin-1 body without MIME headers, and a raw Latin-1 subject", async () => {
    const mail = await parseMime(
      latin1(
        "From: J\xFCrgen <j@example.org>\nSubject: Gr\xFC\xDFe aus K\xF6ln\n\nDas ist gr\xF6\xDFer.\n",
      ),
    );
    expect(mail.subject).toBe("Grüße aus Köln");
    expect(mail.from).toEqual({ address: "j@example.org", name: "Jürgen" });
    expect(mail.text.trim()).toBe("Das ist größer.");
  });

  it("reads raw 8-bit bytes inside an encoded word in the word's charset", async () => {
    const mail = await parseMime(
      latin1("From: a@example.org\nSubject: =?iso-8859-1?Q?Die_Fr\xF6sche?= und K\xE4se\n\nx\n"),
    );
    expect(mail.subject).toBe("Die Frösche und Käse");
  });

  it("keeps valid UTF-8 raw headers and bodies as they are", async () => {
    const mail = await parseMime(
      utf8("From: a@example.org\nSubject: Grüße – 日本\n\nÄrger € 日本\n"),
    );
    expect(mail.subject).toBe("Grüße – 日本");
    expect(mail.text.trim()).toBe("Ärger € 日本");
  });

  it("falls back when the declared charset does not decode (utf-8 declared, Latin-1 sent; QP too)", async () => {
    const declared = await parseMime(
      latin1(
        "From: a@example.org\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nS\xFC\xDF\n",
      ),
    );
    expect(declared.text.trim()).toBe("Süß");
    const qp = await parseMime(
      latin1(
        "From: a@example.org\nSubject: x\nMIME-Version: 1.0\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nCaf=E9 =80\n",
      ),
    );
    expect(qp.text.trim()).toBe("Café €");
  });

  it("decodes parts of a multipart each by their own bytes, and raw 8-bit filenames", async () => {
    const mail = await parseMime(
      Buffer.concat([
        latin1(`From: a@example.org
Subject: parts
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b"

--b
Content-Type: text/plain

Gr\xFC\xDFe
--b
Content-Type: application/octet-stream
Content-Disposition: attachment; filename="M\xE4rz.bin"

`),
        Buffer.from([0xff, 0xfe, 0x00]),
        latin1("\n--b--\n"),
      ]),
    );
    expect(mail.text.trim()).toBe("Grüße");
    expect(mail.attachments.map((a) => a.filename)).toEqual(["März.bin"]);
    expect([...mail.attachments[0].content]).toEqual([0xff, 0xfe, 0x00]);
  });

  it("leaves an attached message's bytes untouched", async () => {
    const inner = latin1("From: b@example.org\nSubject: S\xFC\xDF\n\nK\xE4se\n");
    const mail = await parseMime(
      Buffer.concat([
        latin1(
          'From: a@example.org\nSubject: fwd\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nsee attached\n--b\nContent-Type: message/rfc822\nContent-Disposition: attachment\n\n',
        ),
        inner,
        latin1("--b--\n"),
      ]),
    );
    const attached = mail.attachments.find((a) => a.contentType === "message/rfc822");
    // The line break before the boundary belongs to the boundary.
    expect(attached?.content.equals(inner.subarray(0, -2))).toBe(true);
  });
});
