import { describe, expect, it } from "vitest";
import { buildTnef } from "@/tests/kit/tnef";
import { expandMail } from "./expand-mail";
import { parseMime } from "./parse-mime";
import { unpackTnef } from "./unpack-tnef";

const crlf = (s: string) => Buffer.from(s.replace(/\r?\n/g, "\r\n"), "utf8");

function mailWith(parts: { type: string; name?: string; content: Buffer }[], text = "") {
  const body = parts.map(
    (p) =>
      `--b\nContent-Type: ${p.type}${p.name ? `; name="${p.name}"` : ""}\nContent-Transfer-Encoding: base64\n${p.name ? `Content-Disposition: attachment; filename="${p.name}"\n` : ""}\n${p.content.toString("base64")}\n`,
  );
  return crlf(
    `From: a@example.org\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n` +
      (text ? `--b\nContent-Type: text/plain\n\n${text}\n` : "") +
      body.join("") +
      "--b--\n",
  );
}

const invitation = (method: string, extra = "") =>
  Buffer.from(
    [
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Test//EN",
      `METHOD:${method}`,
      "BEGIN:VEVENT",
      "UID:1@example.org",
      "SUMMARY:Network maintenance",
      "DTSTART;TZID=Europe/Berlin:20261203T090000",
      "DTEND;TZID=Europe/Berlin:20261203T103000",
      "LOCATION:Room 2.14",
      'ORGANIZER;CN="Jana Novak":mailto:jana@example.org',
      extra,
      "END:VEVENT",
      "END:VCALENDAR",
    ]
      .filter(Boolean)
      .join("\r\n"),
  );

describe("winmail.dat (TNEF)", () => {
  it("unpacks its attachments next to the kept original", async () => {
    const pdf = Buffer.from("%PDF-1.4 fake");
    const tnef = buildTnef({ "Rechnung März.pdf": pdf, "notes.txt": Buffer.from("hi") });
    const mail = await expandMail(
      await parseMime(
        mailWith(
          [{ type: "application/ms-tnef", name: "winmail.dat", content: tnef }],
          "See attached",
        ),
      ),
    );
    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ["winmail.dat", "application/ms-tnef"],
      ["Rechnung März.pdf", "application/pdf"],
      ["notes.txt", "text/plain"],
    ]);
    expect(mail.attachments[0].content.equals(tnef)).toBe(true);
    expect(mail.attachments[1].content.equals(pdf)).toBe(true);
    expect(mail.text.trim()).toBe("See attached");
  });

  it("recognises it by type (vnd.ms-tnef) or by name, and keeps a broken one as it is", async () => {
    const tnef = buildTnef({ "a.txt": Buffer.from("a") });
    const byType = await expandMail(
      await parseMime(
        mailWith([{ type: "application/vnd.ms-tnef", name: "att.bin", content: tnef }]),
      ),
    );
    expect(byType.attachments.map((a) => a.filename)).toEqual(["att.bin", "a.txt"]);
    const byName = await expandMail(
      await parseMime(
        mailWith([{ type: "application/octet-stream", name: "WINMAIL.DAT", content: tnef }]),
      ),
    );
    expect(byName.attachments.map((a) => a.filename)).toEqual(["WINMAIL.DAT", "a.txt"]);

    // A length field pointing far past the end (node-tnef would loop over it for seconds).
    const broken = buildTnef({ "b.txt": Buffer.from("bbbb") }, { lengthLie: 1_649_435_441 });
    expect(await unpackTnef(broken)).toBeNull();
    expect(await unpackTnef(Buffer.from("not tnef at all"))).toBeNull();
    const kept = await expandMail(
      await parseMime(
        mailWith([{ type: "application/ms-tnef", name: "winmail.dat", content: broken }]),
      ),
    );
    expect(kept.attachments.map((a) => a.filename)).toEqual(["winmail.dat"]);
  });
});

describe("calendar invitations", () => {
  it("describes an invitation that is the only content", async () => {
    const mail = await expandMail(
      await parseMime(
        Buffer.concat([
          crlf(
            "From: jana@example.org\nSubject: Invitation\nMIME-Version: 1.0\nContent-Type: text/calendar; method=REQUEST; charset=utf-8\n\n",
          ),
          invitation("REQUEST"),
        ]),
      ),
    );
    expect(mail.text).toContain("Calendar invitation:");
    expect(mail.text).toContain("Summary: Network maintenance");
    expect(mail.text).toContain("Start: 2026-12-03 09:00 (Europe/Berlin)");
    expect(mail.text).toContain("End: 2026-12-03 10:30 (Europe/Berlin)");
    expect(mail.text).toContain("Location: Room 2.14");
    expect(mail.text).toContain("Organiser: Jana Novak <jana@example.org>");
    expect(mail.attachments.map((a) => a.contentType)).toEqual(["text/calendar"]);
  });

  it("describes cancellations, replies and UTC times once when sent twice; leaves a mail's own text alone", async () => {
    const cancel = invitation("CANCEL")
      .toString()
      .replace(/;TZID=Europe\/Berlin:(\d+T\d+)/g, ":$1Z");
    const mail = await expandMail(
      await parseMime(
        mailWith([
          { type: "text/calendar", content: Buffer.from(cancel) },
          { type: "application/ics", name: "invite.ics", content: Buffer.from(cancel) },
        ]),
      ),
    );
    expect(mail.text.match(/Calendar event cancelled:/g)).toHaveLength(1);
    expect(mail.text).toContain("Start: 2026-12-03 09:00 (UTC)");

    const reply = await expandMail(
      await parseMime(
        mailWith([
          {
            type: "text/calendar",
            content: invitation(
              "REPLY",
              "ATTENDEE;PARTSTAT=DECLINED;CN=Bob:mailto:bob@example.org",
            ),
          },
        ]),
      ),
    );
    expect(reply.text).toContain("Reply to a calendar invitation:");
    expect(reply.text).toContain("Answer: Bob <bob@example.org> — declined");

    const withText = await expandMail(
      await parseMime(
        mailWith([{ type: "text/calendar", content: invitation("REQUEST") }], "Please join"),
      ),
    );
    expect(withText.text.trim()).toBe("Please join");
    const garbage = await expandMail(
      await parseMime(
        mailWith([{ type: "text/calendar", content: Buffer.from("BEGIN:VCALENDAR\nnonsense") }]),
      ),
    );
    expect(garbage.text.trim()).toBe("");
  });
});

describe("libraries leave the built-ins alone", () => {
  /** Every own method of the built-in prototypes that is not native code any more. */
  const patchedBuiltins = () =>
    [String, Array, Object, RegExp, Number, Promise, Function, Date, Map, Set]
      .flatMap((type) =>
        Object.getOwnPropertyNames(type.prototype).map((name) => {
          const value = Object.getOwnPropertyDescriptor(type.prototype, name)?.value;
          return typeof value === "function" &&
            !Function.prototype.toString.call(value).includes("[native code]")
            ? `${type.name}.prototype.${name}`
            : null;
        }),
      )
      .filter(Boolean);

  it("after a winmail.dat is unpacked (node-tnef patches String.prototype.replaceAll)", async () => {
    expect(await unpackTnef(buildTnef({ "a.txt": Buffer.from("a") }))).not.toBeNull();
    expect(patchedBuiltins()).toEqual([]);
    // What Next.js does with route parameters: a literal search, not a pattern.
    expect("/api/auth/csrf".replaceAll("[...nextauth]", "x")).toBe("/api/auth/csrf");
    expect("a.b.c".replaceAll(".", "-")).toBe("a-b-c");
  });
});
