import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ADMIN, expect, test } from "../support/fixtures";
import {
  createTicketViaApi,
  linkIn,
  openLink,
  openTicketAsCustomer,
  sentMails,
  TOPIC,
  uniqueEmail,
  waitForMail,
} from "./portal-helpers";

const SCREENSHOTS = path.resolve(__dirname, "../artifacts/screenshots");
const PNG = fs.readFileSync(path.resolve(__dirname, "../../app/apple-icon.png"));
const attachment = {
  name: "error-log.txt",
  mimeType: "text/plain",
  buffer: Buffer.from("line 1: printer on fire\nline 2: \u00fc\u00f6\u00e4 \u2713\n"),
};
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

test("a customer sends a request, looks it up, reads it without internal notes and follows up", async ({
  page,
  state,
  baseURL,
  t,
  language,
}) => {
  const email = uniqueEmail("alice");
  await page.goto("/request");
  await expect(page.getByRole("heading", { name: t("portal.request.title") })).toBeVisible();

  // The shared schema checks in the browser first; errors are announced inside the form.
  await page.getByRole("button", { name: t("portal.request.submit") }).click();
  const form = page.locator("main form");
  await expect(form.getByRole("alert")).toHaveText(t("portal.errors.title"));
  await expect(page.getByLabel(t("portal.request.name"))).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(t("portal.request.name"))).toBeFocused();
  await expect(form.getByText(t("portal.errors.topic"))).toBeVisible();

  await page.getByLabel(t("portal.request.name")).fill("Alice Example");
  await page.getByLabel(t("portal.request.email")).fill(email);
  await page.getByLabel(t("portal.request.topic")).selectOption({ label: TOPIC.web[language] });
  await page.getByLabel(t("portal.request.subject")).fill("Printer on fire");
  await page.getByLabel(t("portal.request.body")).fill("It smokes since this morning.");
  await page.getByLabel(t("portal.request.attachments")).setInputFiles(attachment);
  await expect(form.getByRole("alert")).toHaveCount(0);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "request-form.png"), fullPage: true });
  await page.getByRole("button", { name: t("portal.request.submit") }).click();

  await expect(page).toHaveURL(/\/request\/sent\?number=\d{16}$/);
  const number = (await page.getByTestId("ticket-number").textContent())!.trim();
  await expect(page.getByRole("heading", { name: t("portal.sent.title") })).toBeVisible();

  // The confirmation went out through the job queue and Resend (stub).
  const confirmation = await waitForMail(state.stubUrl, email, (m) =>
    m.subject.includes(`[Ticket#${number}]`),
  );
  expect(`${confirmation.text}`).toContain(number);
  expect(`${confirmation.text}${confirmation.html ?? ""}`).toContain("/status");

  // An agent adds an internal note through the API.
  const note = await fetch(`${baseURL}/api/v1/tickets/${number}/articles`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN.apiToken}`, "content-type": "application/json" },
    body: JSON.stringify({ channel: "note", body: "INTERNAL: customer is a VIP, be nice" }),
  });
  expect(note.status).toBe(201);

  // Lookup: a wrong address and the right one get the same answer; only the right one gets mail.
  const wrong = uniqueEmail("mallory");
  const answers: string[] = [];
  for (const address of [wrong, email]) {
    await page.goto("/status");
    await page.getByLabel(t("portal.status.number")).fill(number);
    await page.getByLabel(t("portal.request.email")).fill(address);
    await page.getByRole("button", { name: t("portal.status.submit") }).click();
    const answer = page.locator("main form").getByRole("status");
    await expect(answer).toBeVisible();
    answers.push((await answer.textContent())!);
  }
  expect(answers[0]).toBe(answers[1]);
  expect(answers[0]).toContain(t("portal.status.sent", { days: 7 }));
  // The lookup's own mail, not the confirmation (which carries a direct link too).
  const accessMail = await waitForMail(
    state.stubUrl,
    email,
    (m) =>
      m.subject.includes(t("mail.accessLink.subject", { number })) &&
      /\/access\//.test(m.text ?? ""),
  );
  expect(
    (await sentMails(state.stubUrl)).filter((m) => JSON.stringify(m.to).includes(wrong)),
  ).toEqual([]);

  // The link shows a Continue button; only pressing it opens the ticket, at a URL without the token.
  const link = linkIn(accessMail);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: t("portal.access.title") })).toBeVisible();
  expect(await page.context().cookies()).not.toContainEqual(
    expect.objectContaining({ name: "hd_customer_session" }),
  );
  await page.getByRole("button", { name: t("portal.access.submit") }).click();
  await expect(page).toHaveURL(`${baseURL}/tickets/${number}`);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "hd_customer_session")!;
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await expect(page.getByRole("heading", { name: "Printer on fire" })).toBeVisible();
  await expect(page.getByText("It smokes since this morning.")).toBeVisible();
  await expect(page.getByText(TOPIC.web[language], { exact: true })).toBeVisible();
  // The customer's word for "new".
  await expect(page.getByText(t("portal.states.received"), { exact: true })).toBeVisible();
  await expect(page.getByText("INTERNAL: customer is a VIP")).toHaveCount(0);
  // The customer's message first; the confirmation mail may follow once it is sent.
  await expect(page.getByTestId("article").first()).toContainText("It smokes since this morning.");
  await page.screenshot({ path: path.join(SCREENSHOTS, "ticket-page.png"), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "error-log.txt" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("error-log.txt");
  expect(sha256(fs.readFileSync(await download.path()))).toBe(sha256(attachment.buffer));

  // A follow-up with an attachment.
  await page.getByRole("textbox", { name: t("portal.ticket.body") }).fill("It is still smoking.");
  await page
    .getByLabel(t("portal.request.attachments"))
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: t("portal.ticket.submit") }).click();
  await expect(page.getByText(t("portal.ticket.added"))).toBeVisible();
  await expect(page.getByTestId("article").last()).toContainText("It is still smoking.");
  await expect(page.getByRole("link", { name: "photo.png" })).toBeVisible();

  // The token page is gone for anyone without the session.
  await page.context().clearCookies();
  const anonymous = await page.goto(`/tickets/${number}`);
  expect(anonymous?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: t("portal.ticket.notFoundTitle") })).toBeVisible();
});

test("the request form works without JavaScript and keeps what was typed", async ({
  browser,
  baseURL,
  state,
  locale,
  t,
  language,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL, locale });
  const page = await context.newPage();
  const email = uniqueEmail("nojs");
  await page.goto("/request");
  await page.getByLabel(t("portal.request.name")).fill("No Script");
  await page.getByLabel(t("portal.request.email")).fill(email);
  await page.getByLabel(t("portal.request.topic")).selectOption({ label: TOPIC.wlan[language] });
  await page.getByLabel(t("portal.request.body")).fill("The wifi drops every hour.");
  await page.getByLabel(t("portal.request.attachments")).setInputFiles(attachment);
  await page.getByRole("button", { name: t("portal.request.submit") }).click(); // subject missing

  const form = page.locator("main form");
  await expect(form.getByRole("alert")).toHaveText(t("portal.errors.title"));
  await expect(page.getByLabel(t("portal.request.subject"))).toHaveAttribute(
    "aria-invalid",
    "true",
  );
  await expect(page.getByLabel(t("portal.request.name"))).toHaveValue("No Script");
  await expect(page.getByLabel(t("portal.request.email"))).toHaveValue(email);
  await expect(page.getByLabel(t("portal.request.body"))).toHaveValue("The wifi drops every hour.");
  await expect(page.getByLabel(t("portal.request.topic")).locator("option:checked")).toHaveText(
    TOPIC.wlan[language],
  );
  await expect(
    form.getByText(t("portal.request.reselect", { files: "error-log.txt" })),
  ).toBeVisible();

  await page.getByLabel(t("portal.request.subject")).fill("Wifi drops");
  await page.getByLabel(t("portal.request.attachments")).setInputFiles(attachment);
  await page.getByRole("button", { name: t("portal.request.submit") }).click();
  await expect(page).toHaveURL(/\/request\/sent\?number=\d{16}$/);
  const number = (await page.getByTestId("ticket-number").textContent())!.trim();
  await waitForMail(state.stubUrl, email, (m) => m.subject.includes(`[Ticket#${number}]`));
  await context.close();

  // The attachment was stored with its bytes unchanged.
  const res = await fetch(`${baseURL}/api/v1/tickets/${number}`, {
    headers: { authorization: `Bearer ${ADMIN.apiToken}` },
  });
  expect(res.status).toBe(200);
  const ticket: { articles: { attachments: { filename: string; sha256: string }[] }[] } =
    await res.json();
  expect(ticket.articles[0].attachments).toEqual([
    expect.objectContaining({ filename: "error-log.txt", sha256: sha256(attachment.buffer) }),
  ]);
});

test("a customer signs in to 'my requests' by a mailed link and sees all their tickets", async ({
  page,
  baseURL,
  state,
  t,
}) => {
  const email = uniqueEmail("multi");
  const first = await createTicketViaApi(baseURL!, email, "Laptop will not boot");
  const second = await createTicketViaApi(baseURL!, email, "VPN certificate expired", "Misc");
  await createTicketViaApi(baseURL!, uniqueEmail("someone-else"), "Not mine");

  await page.goto("/my-requests");
  await expect(page.getByRole("heading", { name: t("portal.myRequests.title") })).toBeVisible();
  await page.getByLabel(t("portal.request.email")).fill(email.toUpperCase());
  await page.getByRole("button", { name: t("portal.myRequests.submit") }).click();
  await expect(page.locator("main form").getByRole("status")).toContainText(
    t("portal.myRequests.sent", { minutes: 15 }),
  );
  const mail = await waitForMail(
    state.stubUrl,
    email,
    (m) => m.subject === t("mail.magicLink.subject") && /\/access\//.test(m.text ?? ""),
  );
  const link = linkIn(mail);
  // A mail scanner fetching the single-use link first does not use it up.
  for (const _ of [1, 2]) {
    const scan = await page.request.get(link, { maxRedirects: 0 });
    expect(scan.status()).toBe(200);
    expect(scan.headers()["set-cookie"]).toBeUndefined();
  }
  await openLink(page, link);
  await expect(page).toHaveURL(`${baseURL}/my-requests`);

  const rows = page.getByTestId("my-ticket");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(second); // newest first
  await expect(rows.nth(0)).toContainText("VPN certificate expired");
  await expect(rows.nth(1)).toContainText(first);
  await expect(rows.nth(1)).toContainText(t("portal.states.received"));
  await expect(page.getByText(t("portal.myRequests.signedInAs", { email }))).toBeVisible();

  await rows.nth(1).getByRole("link", { name: "Laptop will not boot" }).click();
  await expect(page).toHaveURL(`${baseURL}/tickets/${first}`);
  await expect(page.getByText("Laptop will not boot: details")).toBeVisible();

  // The link works once.
  await page.goto(link);
  await page.getByRole("button", { name: t("portal.access.submit") }).click();
  await expect(page).toHaveURL(/\/status\?link=invalid$/);
  await expect(page.locator("main").getByRole("alert")).toContainText(
    t("portal.status.invalidLink"),
  );

  await page.goto("/my-requests");
  await page.getByRole("button", { name: t("portal.myRequests.signOut") }).click();
  await expect(page).toHaveURL(`${baseURL}/`);
  await page.goto("/my-requests");
  await expect(page.getByRole("button", { name: t("portal.myRequests.submit") })).toBeVisible();
  expect((await page.goto(`/tickets/${first}`))?.status()).toBe(404);
});

test("the attachment field says what is allowed and refuses a file before upload", async ({
  page,
  t,
  language,
}) => {
  await page.goto("/request");
  const field = page.getByLabel(t("portal.request.attachments"));
  await expect(field).toHaveAttribute("accept", /(^|,)\.log(,|$)/);
  await expect(page.locator("#attachments-hint")).toContainText(
    t("portal.request.attachmentsTypes", { types: ".log, .txt" }),
  );
  await page.getByLabel(t("portal.request.name")).fill("Plain Text");
  await page.getByLabel(t("portal.request.email")).fill(uniqueEmail("plain"));
  await page.getByLabel(t("portal.request.topic")).selectOption({ label: TOPIC.general[language] });
  await page.getByLabel(t("portal.request.subject")).fill("Just a question");
  await page.getByLabel(t("portal.request.body")).fill("How do I reset my password?");

  // Reported as soon as it is chosen: nothing was sent.
  let posts = 0;
  page.on("request", (r) => void (r.method() === "POST" && posts++));
  await field.setInputFiles({
    name: "tool.exe",
    mimeType: "application/x-msdownload",
    buffer: Buffer.from("MZ"),
  });
  await expect(page.getByText(t("portal.errors.fileType", { name: "tool.exe" }))).toBeVisible();
  await page.getByRole("button", { name: t("portal.request.submit") }).click();
  await expect(page.locator("main form").getByRole("alert")).toBeVisible();
  expect(posts).toBe(0);

  // A name that passes but content that does not: the server says so, and keeps the text.
  await field.setInputFiles({ name: "scan.pdf", mimeType: "", buffer: Buffer.from("not a pdf") });
  await page.getByRole("button", { name: t("portal.request.submit") }).click();
  await expect(page.getByText(t("portal.errors.fileContent", { name: "scan.pdf" }))).toBeVisible();
  await expect(page.getByLabel(t("portal.request.body"))).toHaveValue(
    "How do I reset my password?",
  );

  // A router log without a MIME type from the browser is accepted.
  await field.setInputFiles({
    name: "router.log",
    mimeType: "",
    buffer: Buffer.from("Nov 30 04:12:01 router kernel: eth0 link up\n"),
  });
  await page.getByRole("button", { name: t("portal.request.submit") }).click();
  await expect(page).toHaveURL(/\/request\/sent\?number=\d{16}$/);
});

test("a follow-up works without JavaScript: errors come back with the message kept", async ({
  browser,
  page,
  baseURL,
  state,
  t,
}) => {
  const email = uniqueEmail("nojs-follow");
  const number = await createTicketViaApi(baseURL!, email, "Beamer flickers");
  await openTicketAsCustomer(page, state.stubUrl, number, email);
  const context = await browser.newContext({
    javaScriptEnabled: false,
    baseURL,
    storageState: await page.context().storageState(),
  });
  const noScript = await context.newPage();
  await noScript.goto(`/tickets/${number}`);
  const photo = { name: "beamer.png", mimeType: "image/png", buffer: PNG };
  const tool = { name: "fix.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") };
  await noScript.getByRole("textbox", { name: t("portal.ticket.body") }).fill("Still flickering.");
  await noScript.getByLabel(t("portal.request.attachments")).setInputFiles([photo, tool]);
  await noScript.getByRole("button", { name: t("portal.ticket.submit") }).click();

  await expect(noScript).toHaveURL(new RegExp(`/tickets/${number}\\?draft=[\\w-]+#follow-up$`));
  const form = noScript.locator("main form").last();
  await expect(form.getByRole("alert")).toHaveText(t("portal.errors.title"));
  await expect(form.getByText(t("portal.errors.fileType", { name: "fix.exe" }))).toBeVisible();
  await expect(noScript.getByRole("textbox", { name: t("portal.ticket.body") })).toHaveValue(
    "Still flickering.",
  );
  await expect(
    form.getByText(t("portal.request.reselect", { files: "beamer.png, fix.exe" })),
  ).toBeVisible();

  await noScript.getByLabel(t("portal.request.attachments")).setInputFiles(photo);
  await noScript.getByRole("button", { name: t("portal.ticket.submit") }).click();
  await expect(noScript.getByText(t("portal.ticket.added"))).toBeVisible();
  await expect(noScript.getByTestId("article").last()).toContainText("Still flickering.");
  await expect(noScript.getByRole("link", { name: "beamer.png" })).toBeVisible();
  await context.close();
});

test("the confirmation links straight to the ticket; German topics and states", async ({
  browser,
  baseURL,
  state,
}) => {
  const context = await browser.newContext({ baseURL, locale: "de-DE" });
  const page = await context.newPage();
  const email = uniqueEmail("direct");
  await page.goto("/request");
  await expect(page.getByLabel("Thema").locator("option")).toContainText([
    "Allgemeine Fragen",
    "Funknetz (WLAN)",
  ]);
  await page.getByLabel("Ihr Name").fill("Dora Direkt");
  await page.getByLabel("E-Mail").fill(email);
  await page.getByLabel("Thema").selectOption({ label: "Funknetz (WLAN)" });
  await page.getByLabel("Betreff").fill("WLAN bricht ab");
  await page.getByLabel("Nachricht").fill("Seit Montag jede Stunde.");
  await page.getByRole("button", { name: "Anfrage senden" }).click();
  await expect(page).toHaveURL(/\/request\/sent\?number=\d{16}$/);
  const number = (await page.getByTestId("ticket-number").textContent())!.trim();

  const confirmation = await waitForMail(state.stubUrl, email, (m) =>
    m.subject.includes(`[Ticket#${number}]`),
  );
  expect(confirmation.text).toContain("persönlichen Link");
  await openLink(page, linkIn(confirmation));
  await expect(page).toHaveURL(`${baseURL}/tickets/${number}`);
  await expect(page.getByText("Funknetz (WLAN)", { exact: true })).toBeVisible();
  await expect(page.getByText("eingegangen", { exact: true })).toBeVisible();
  // The copy on the ticket (recorded once sent) does not carry the link.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("article")).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId("article").last()).toContainText(
    "[persönlicher Link, nicht gespeichert]",
  );
  await expect(page.locator("main")).not.toContainText("/access/");
  await context.close();
});
