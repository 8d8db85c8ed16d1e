import { describe, expect, it } from "vitest";
import { buildMail, deliveryReport as dsn } from "@/tests/kit/mail";
import { classifyMessage } from "./classify-message";
import { parseMime } from "./parse-mime";

const classify = async (raw: Buffer) => classifyMessage(await parseMime(raw));

describe("classifyMessage", () => {
  it("leaves an ordinary mail answerable", async () => {
    expect(await classify(buildMail())).toMatchObject({ isAutomatic: false, isBounce: false });
  });

  it("recognises automatic mail by the headers its senders document", async () => {
    for (const headers of <Record<string, string>[]>[
      { "Auto-Submitted": "auto-replied" },
      { "Auto-Submitted": "auto-generated" },
      { "Auto-Submitted": "auto-notified; owner-email=x@example.org" },
      { "X-Autoreply": "yes" },
      { "X-Autorespond": "Out of office" },
      { Precedence: "auto_reply" },
      { "X-MS-Exchange-Generated-Message-Source": "Mailbox Rules Agent" },
      { "X-MS-Exchange-Inbox-Rules-Loop": "someone@example.org" },
      { "Return-Path": "<>" },
    ]) {
      expect(await classify(buildMail({ headers })), JSON.stringify(headers)).toMatchObject({
        isAutomatic: true,
        isNoAutoResponse: true,
      });
    }
    for (const headers of <Record<string, string>[]>[
      { "Auto-Submitted": "no" },
      { "Auto-Submitted": "No (person)" },
      { "X-Autoreply": "no" },
    ])
      expect((await classify(buildMail({ headers }))).isAutomatic, JSON.stringify(headers)).toBe(
        false,
      );
  });

  it("a header asking not to be answered does not make a person's mail automatic", async () => {
    for (const headers of <Record<string, string>[]>[
      { "X-Auto-Response-Suppress": "All" },
      { "X-Auto-Response-Suppress": "OOF" },
      { "X-Auto-Response-Suppress": "DR, RN, NRN, OOF, AutoReply" },
      { "X-Auto-Response-Suppress": "autoreply" },
      { Precedence: "bulk" },
      { Precedence: "list" },
      { Precedence: "junk" },
      { "List-Id": "Users <users.lists.example.org>" },
      { "X-Loop": "desk@desk.example" },
    ]) {
      expect(await classify(buildMail({ headers })), JSON.stringify(headers)).toMatchObject({
        isAutomatic: false,
        isNoAutoResponse: true,
      });
    }
    // Values that leave our auto-response allowed: read and delivery receipts only, or none.
    for (const value of ["None", "DR, NDR", "RN, NRN", "DR"])
      expect(
        await classify(buildMail({ headers: { "X-Auto-Response-Suppress": value } })),
        value,
      ).toMatchObject({ isAutomatic: false, isNoAutoResponse: false });
  });

  it("recognises machine senders and read receipts", async () => {
    for (const from of [
      "no-reply@shop.example",
      "noreply@shop.example",
      "do-not-reply@shop.example",
      "MAILER-DAEMON@mx.example.org",
      "bounces+123@lists.example.org",
    ])
      expect((await classify(buildMail({ from }))).isAutomatic, from).toBe(true);
    const receipt = await classify(
      buildMail({
        body: {
          contentType: 'multipart/report; report-type=disposition-notification; boundary="r"',
          content:
            "--r\nContent-Type: text/plain\n\nRead.\n--r\nContent-Type: message/disposition-notification\n\nDisposition: manual-action/MDN-sent-manually; displayed\n--r--\n",
        },
      }),
    );
    expect(receipt).toMatchObject({ isAutomatic: true, isBounce: false, isNoAutoResponse: true });
  });

  it("recognises a delivery report and its failed recipients", async () => {
    const result = await classify(
      buildMail({ from: "MAILER-DAEMON@mx.example.org", body: dsn("Gone@Example.org", "<x@d>") }),
    );
    expect(result).toMatchObject({ isBounce: true, isAutomatic: true });
    expect(result.failedRecipients).toEqual(["gone@example.org"]);
    const delayed = await classify(
      buildMail({
        from: "postmaster@mx.example.org",
        body: dsn("slow@example.org", "<y@d>", "delayed"),
      }),
    );
    expect(delayed.isBounce).toBe(true);
    expect(delayed.failedRecipients).toEqual([]);
  });
});
