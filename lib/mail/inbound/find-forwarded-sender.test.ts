import { describe, expect, it } from "vitest";
import { buildMail } from "@/tests/kit/mail";
import { findForwardedSender } from "./find-forwarded-sender";
import { parseMime } from "./parse-mime";

const senderOf = async (text: string) => findForwardedSender(await parseMime(buildMail({ text })));

describe("findForwardedSender", () => {
  it("reads the separators of common mail clients", async () => {
    expect(
      await senderOf(
        "FYI\n\n---------- Forwarded message ---------\nFrom: Erika <erika@example.org>\nDate: Mon\n\nHi\n",
      ),
    ).toEqual({ address: "erika@example.org", name: "Erika" });
    expect(
      await senderOf("-----Original Message-----\nFrom: Paul Prof [mailto:Paul@Example.org]\n\nx"),
    ).toEqual({ address: "paul@example.org", name: "Paul Prof" });
    expect(
      await senderOf("Begin forwarded message:\n\nFrom: Ann <ann@example.org>\nSubject: y\n\nz"),
    ).toEqual({ address: "ann@example.org", name: "Ann" }); // Apple Mail: a blank line first
    expect(
      await senderOf(
        "-------- Weitergeleitete Nachricht --------\nBetreff: Drucker\nVon: Jürgen Ä <j@example.org>\n\nx",
      ),
    ).toEqual({ address: "j@example.org", name: "Jürgen Ä" });
    expect(
      await senderOf("Begin forwarded message:\nFrom: Ann <ann@example.org>\nSubject: y\n\nz"),
    ).toEqual({ address: "ann@example.org", name: "Ann" });
  });

  it("finds nothing in a mail that only mentions a From line", async () => {
    expect(await senderOf("From: someone@example.org wrote something\n")).toBeNull();
    expect(await senderOf("---------- Forwarded message ---------\nno sender here\n")).toBeNull();
  });
});
