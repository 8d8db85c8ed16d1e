import { describe, expect, it } from "vitest";
import { buildMail, deliveryReport as dsn } from "@/tests/kit/mail";
import { classifyMessage } from "./classify-message";
import { parseMime } from "./parse-mime";

const classify = async (raw: Buffer) => classifyMessage(await parseMime(raw));

describe("classifyMessage", () => {
  it("leaves an ordinary mail answerable", async () => {
    expect(await classify(buildMail())).toMatchObject({ isAutomatic: false, isBounce: false });
  });

  it("recognises auto-replies by their headers", async () => {
    for (const headers of <Record<string, string>[]>[
      { "Auto-Submitted": "auto-replied" },
      { "X-Autoreply": "yes" },
      { "X-Auto-Response-Suppress": "All" },
      { "X-Loop": "desk" },
      { Precedence: "auto_reply" },
    ]) {
      expect(await classify(buildMail({ headers }))).toMatchObject({
        isAutoReply: true,
        isAutomatic: true,
      });
    }
    expect((await classify(buildMail({ headers: { "Auto-Submitted": "no" } }))).isAutomatic).toBe(
      false,
    );
  });

  it("recognises list and bulk mail and machine senders", async () => {
    expect((await classify(buildMail({ headers: { Precedence: "bulk" } }))).isList).toBe(true);
    expect((await classify(buildMail({ headers: { "List-Id": "<l.example>" } }))).isList).toBe(
      true,
    );
    expect((await classify(buildMail({ from: "no-reply@shop.example" }))).isAutomatic).toBe(true);
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
