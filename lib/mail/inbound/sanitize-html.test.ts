import { describe, expect, it } from "vitest";
import { sanitizeMailHtml } from "./sanitize-html";

describe("sanitizeMailHtml", () => {
  it("removes scripts, handlers, forms, style sheets and remote images", () => {
    const html = sanitizeMailHtml(
      `<style>body{background:url(http://t.example/p.gif)}</style><script>alert(1)</script>
       <p onclick="x()" style="color:red;background-image:url(http://t.example/x)">Hi</p>
       <form action="http://evil"><input name=a></form><iframe src="http://x"></iframe>
       <img src="http://tracker.example/pixel.gif" alt="pixel"><img src="cid:logo@x" alt="logo">
       <a href="javascript:alert(1)">js</a><a href="https://ok.example">ok</a>`,
    );
    expect(html).not.toMatch(/script|onclick|<form|<input|<iframe|<style|url\(|javascript/i);
    // The remote image is kept unrendered (no src) for "show images".
    expect(html).toContain(
      '<img alt="pixel" data-remote-src="http://tracker.example/pixel.gif" />',
    );
    expect(html).not.toMatch(/ src="http/);
    expect(html).toContain('<p style="color:red">Hi</p>');
    expect(html).toContain('src="cid:logo@x"');
    expect(html).toContain('alt="pixel"');
    expect(html).toContain(
      'href="https://ok.example" target="_blank" rel="noopener noreferrer nofollow"',
    );
  });

  it("keeps only http(s) addresses as remote images (idempotent: a second pass keeps them)", () => {
    const html = sanitizeMailHtml(
      `<img src="javascript:alert(1)" alt="a"><img src="cid:x" data-remote-src="http://t.example/a"><img src="//t.example/b">`,
    );
    expect(html).not.toMatch(/javascript|t\.example/);
    expect(html).toContain('<img src="cid:x" />');
    const twice = sanitizeMailHtml(sanitizeMailHtml('<img src="https://t.example/c.png" alt="c">'));
    expect(twice).toBe('<img alt="c" data-remote-src="https://t.example/c.png" />');
  });

  it("marks quoted history for folding", () => {
    expect(sanitizeMailHtml('<div class="gmail_quote">old</div>')).toContain("data-quote");
    expect(sanitizeMailHtml("<blockquote type=cite>old</blockquote>")).toContain("data-quote");
    expect(sanitizeMailHtml('<div id="divRplyFwdMsg">old</div>')).toContain("data-quote");
    expect(sanitizeMailHtml("<div>new</div>")).not.toContain("data-quote");
  });
});
