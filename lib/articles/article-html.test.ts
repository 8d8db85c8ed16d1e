// The article HTML route's content: what the zoom's frame shows of an HTML mail
// (scripts gone, remote images only on request, cid: images from the stored
// parts, links in a new tab without opener), its own policy, the scope in the
// query, and remote images re-derived from the raw message for mail stored
// before their addresses were kept.
import { beforeAll, describe, expect, it } from "vitest";
import { createAgentWithAccess } from "../../tests/kit/scopes";
import { htmlMailWithLogo, TINY_PNG } from "../../tests/kit/mail";
import { scopeForAgent } from "../access/scope";
import { db } from "../db";
import { processInboundMessage } from "../mail/inbound/process-inbound-message";
import { storeInboundMessage } from "../mail/inbound/store-inbound-message";
import { seedDatabase } from "../setup/seed";
import { findAgentAttachment } from "./find-agent-attachment";
import { findArticleHtml } from "./find-article-html";
import { plainTextOf } from "./plain-text-of";
import {
  articleHtmlPolicy,
  articleHtmlResponse,
  hasBlockedImages,
  renderArticleHtml,
} from "./render-article-html";

const HTML = `<html><head><style>p{color:red}</style><script>document.title="pwned"</script></head>
<body><p onclick="alert(1)">Hello <b>team</b></p>
<img src="https://images.example/track.png" alt="tracker">
<img src="cid:logo@mail.example" alt="logo">
<a href="https://example.org/manual">manual</a>
<form action="https://evil.example"><input name="q"></form></body></html>`;

async function receive(subject: string) {
  const stored = await storeInboundMessage({
    provider: "mime",
    providerId: null,
    raw: htmlMailWithLogo({ subject, html: HTML }),
  });
  const result = await processInboundMessage(stored.id);
  const article = await db.article.findFirstOrThrow({
    where: { ticket: { number: result.ticketNumber! } },
    include: { attachments: true },
  });
  return { number: result.ticketNumber!, article };
}

beforeAll(async () => {
  await seedDatabase();
});

describe("renderArticleHtml", () => {
  const inlineImages = [
    { contentId: "logo@mail.example", contentType: "image/png", content: TINY_PNG },
  ];

  it("strips scripts and forms, keeps remote images unloaded, fills cid: images, opens links safely", () => {
    const html = renderArticleHtml({ html: HTML, inlineImages, showImages: false });
    expect(html).not.toMatch(/<script|pwned|onclick|<form|<input|evil\.example/i);
    expect(html).toContain("<b>team</b>");
    expect(html).not.toContain("images.example"); // not even as data-remote-src
    expect(html).toContain(`src="data:image/png;base64,${TINY_PNG.toString("base64")}"`);
    expect(html).not.toContain("cid:");
    expect(html).toContain(
      '<a href="https://example.org/manual" target="_blank" rel="noopener noreferrer">',
    );
  });

  it("loads remote images only when the agent asked", () => {
    const html = renderArticleHtml({ html: HTML, inlineImages, showImages: true });
    expect(html).toContain('src="https://images.example/track.png"');
    expect(html).not.toMatch(/<script|data-remote-src/);
  });

  it("drops a cid: image whose part is missing or not an image", () => {
    const html = renderArticleHtml({
      html: '<img src="cid:logo@mail.example" alt="x"><img src="cid:nope" alt="y">',
      inlineImages: [{ ...inlineImages[0], contentType: "text/html" }],
      showImages: true,
    });
    expect(html).not.toMatch(/src=/);
  });

  it("serves the frame with a policy of its own: no script, images by request only", async () => {
    expect(articleHtmlPolicy({ showImages: false })).toBe(
      "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox",
    );
    expect(articleHtmlPolicy({ showImages: true })).toContain("img-src data: https: http:;");
    const response = articleHtmlResponse({ document: "<p>x</p>", showImages: false });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "text/html; charset=utf-8",
      "x-frame-options": "SAMEORIGIN",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    });
    expect(response.headers.get("content-security-policy")).not.toMatch(/script-src|unsafe-eval/);
  });
});

describe("plainTextOf", () => {
  it("reads the HTML of a mail without a text part, and keeps a text part as it is", () => {
    const html =
      '<p>Hello <b>team</b></p><img alt="logo" src="cid:x"><a href="https://x.example">manual</a>';
    expect(plainTextOf({ text: "", html })).toBe("Hello team\n\nmanual");
    expect(plainTextOf({ text: "As sent", html })).toBe("As sent");
  });
});

describe("findArticleHtml", () => {
  it("gives a received HTML mail to agents who may read its queue, to nobody else", async () => {
    const { number, article } = await receive("HTML mail with a tracker");
    expect(article.html).toContain('data-remote-src="https://images.example/track.png"');
    expect(article.html).not.toMatch(/ src="https:/);
    const admin = await scopeForAgent(await createAgentWithAccess({}, { role: "admin" }));
    const found = await findArticleHtml({
      scope: admin,
      number,
      articleId: article.id,
      showImages: false,
    });
    expect(found?.inlineImages).toHaveLength(1);
    expect(hasBlockedImages(found!.html)).toBe(true);
    const document = renderArticleHtml({ ...found!, showImages: false });
    expect(document).toContain("data:image/png;base64,");
    expect(document).not.toContain("images.example");

    const queue = await db.ticket.findUniqueOrThrow({
      where: { number },
      include: { queue: true },
    });
    const outsider = await createAgentWithAccess({
      [queue.queue.name === "VoIP" ? "WLAN" : "VoIP"]: "rw",
    });
    const reader = await createAgentWithAccess({ [queue.queue.name]: "ro" });
    for (const [agent, visible] of [
      [outsider, false],
      [reader, true],
    ] as const) {
      const scope = await scopeForAgent(agent);
      const html = await findArticleHtml({
        scope,
        number,
        articleId: article.id,
        showImages: true,
      });
      const attachment = await findAgentAttachment({
        scope,
        number,
        attachmentId: article.attachments[0].id,
      });
      expect([html !== null, attachment !== null]).toEqual([visible, visible]);
    }
    // Another ticket's number with this article's id: not found either.
    expect(
      await findArticleHtml({
        scope: admin,
        number: "2026010110000011",
        articleId: article.id,
        showImages: false,
      }),
    ).toBeNull();
  });

  it("re-derives remote images from the raw message for mail stored before they were kept", async () => {
    const { number, article } = await receive("HTML mail stored long ago");
    // As stored before: the remote image lost its address altogether.
    await db.article.update({
      where: { id: article.id },
      data: { html: article.html!.replace(/ data-remote-src="[^"]*"/, "") },
    });
    const scope = await scopeForAgent(await createAgentWithAccess({}, { role: "admin" }));
    const before = await findArticleHtml({
      scope,
      number,
      articleId: article.id,
      showImages: false,
    });
    expect(before!.html).not.toContain("images.example");
    expect(hasBlockedImages(before!.html)).toBe(true); // "Show images" is offered

    const shown = await findArticleHtml({ scope, number, articleId: article.id, showImages: true });
    const document = renderArticleHtml({ ...shown!, showImages: true });
    expect(document).toContain('src="https://images.example/track.png"');
    expect(document).not.toMatch(/<script|pwned/);
    // Nothing was written: the stored HTML stays as it was.
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id } });
    expect(stored.html).not.toContain("images.example");
  });
});
