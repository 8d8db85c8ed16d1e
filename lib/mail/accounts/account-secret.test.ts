import { afterEach, describe, expect, it } from "vitest";
import { decryptAccountPassword, encryptAccountPassword } from "./account-secret";

afterEach(() => {
  delete process.env.MAIL_ACCOUNT_KEY;
});

describe("mail account passwords at rest", () => {
  it("round-trips, with a fresh IV each time and no plain text stored", () => {
    process.env.MAIL_ACCOUNT_KEY = "key-one";
    const a = encryptAccountPassword("Pässwort 1");
    const b = encryptAccountPassword("Pässwort 1");
    expect(a).not.toBe(b);
    expect(a).not.toContain("Pässwort");
    expect(decryptAccountPassword(a)).toBe("Pässwort 1");
  });

  it("refuses another key and a tampered value instead of returning garbage", () => {
    process.env.MAIL_ACCOUNT_KEY = "key-one";
    const stored = encryptAccountPassword("secret");
    const parts = stored.split(".");
    const flipped = Buffer.from(parts[3], "base64url");
    flipped[0] ^= 1;
    expect(() =>
      decryptAccountPassword([...parts.slice(0, 3), flipped.toString("base64url")].join(".")),
    ).toThrow();
    process.env.MAIL_ACCOUNT_KEY = "key-two";
    expect(() => decryptAccountPassword(stored)).toThrow();
  });
});
