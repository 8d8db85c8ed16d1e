import { describe, expect, it } from "vitest";
import { textToHtml } from "./render";

describe("mail rendering", () => {
  it("escapes text and links only our own URLs", () => {
    const html = textToHtml(
      "Hi <b>x</b>\nsee https://desk.example.org/status or https://evil.example/login\nor https://desk.example.org.evil.example/",
      "https://desk.example.org",
    );
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).toContain(
      '<a href="https://desk.example.org/status">https://desk.example.org/status</a>',
    );
    expect(html).not.toContain('href="https://evil.example');
    expect(html).not.toContain('href="https://desk.example.org.evil');
  });
});
