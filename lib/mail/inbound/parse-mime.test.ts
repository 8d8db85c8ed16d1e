import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseMime } from "./parse-mime";

const crlf = (s: string) => Buffer.from(s.replace(/\r?\n/g, "\r\n"), "latin1");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

describe("parseMime", () => {
  it("decodes ISO-8859-1 quoted-printable and encoded-word headers", async () => {
    const mail = await parseMime(
      crlf(`From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <Juergen@Example.ORG>
To: support@desk.example
Subject: =?iso-8859-1?Q?Gr=FC=DFe?= und =?utf-8?B?4oKs?=
Message-ID: <a1@example.org>
Content-Type: text/plain; charset=iso-8859-1
Content-Transfer-Encoding: quoted-printable

Sch=F6ne Gr=FC=DFe
`),
    );
    expect(mail.subject).toBe("Grüße und €");
    expect(mail.from).toEqual({ address: "juergen@example.org", name: "Jürgen Müller" });
    expect(mail.text.trim()).toBe("Schöne Grüße");
    expect(mail.messageId).toBe("<a1@example.org>");
  });

  it("decodes Windows-1252 8-bit text", async () => {
    const raw = Buffer.concat([
      crlf("From: a@example.org\nSubject: x\nContent-Type: text/plain; charset=windows-1252\n\n"),
      Buffer.from([0x93, 0x51, 0x94, 0x20, 0x80, 0x0d, 0x0a]),
    ]);
    expect((await parseMime(raw)).text.trim()).toBe("\u201cQ\u201d €");
  });

  it("handles nested multiparts, inline images by Content-ID and byte-exact attachments", async () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const tnef = Buffer.from([0x78, 0x9f, 0x3e, 0x22, 0x00, 0x01, 0xff, 0x0d, 0x0a]);
    const mail = await parseMime(
      crlf(`From: a@example.org
Subject: nested
Content-Type: multipart/mixed; boundary="outer"

--outer
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8

plain version
--alt
Content-Type: text/html; charset=utf-8

<p>html <img src="cid:logo@x"><script>x()</script></p>
--alt--
--rel
Content-Type: image/png
Content-ID: <logo@x>
Content-Transfer-Encoding: base64

${png.toString("base64")}
--rel--
--outer
Content-Type: application/ms-tnef; name="winmail.dat"
Content-Disposition: attachment; filename="winmail.dat"
Content-Transfer-Encoding: base64

${tnef.toString("base64")}
--outer--
`),
    );
    expect(mail.text.trim()).toBe("plain version");
    expect(mail.html).toContain("cid:logo@x");
    const [logo, winmail] = mail.attachments;
    expect(logo).toMatchObject({ contentType: "image/png", contentId: "logo@x", isInline: true });
    expect(sha(logo.content)).toBe(sha(png));
    expect(winmail).toMatchObject({ filename: "winmail.dat", isInline: false });
    expect(sha(winmail.content)).toBe(sha(tnef));
  });

  it("gives a text version of HTML-only mail and skips an mbox From line", async () => {
    const mail = await parseMime(
      crlf(`From MAILER-DAEMON Mon Dec  1 10:00:00 2025
From: a@example.org
Subject: html only
Content-Type: text/html; charset=utf-8

<p>Hello <b>world</b></p>
`),
    );
    expect(mail.subject).toBe("html only");
    expect(mail.text).toContain("Hello world");
  });
});
