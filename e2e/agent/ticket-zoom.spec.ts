// The read-only ticket zoom: reached from the dashboard and from a notification.
import { apiClient, startApp, type RunningApp } from "../../tests/kit/app-server";
import { expect, test } from "../support/fixtures";

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp();
});

test.afterAll(async () => {
  await app?.stop();
});

test("an agent opens a ticket from the dashboard and a notification and reads its articles", async ({
  page,
  t,
  signIn,
}) => {
  const api = apiClient(app);
  const created = await api("POST", "/api/v1/tickets", {
    customer: { email: "zoe@example.org", name: "Zoe Zoom" },
    subject: "Beamer in room 4 flickers",
    body: "It flickers.\n\nOn Monday, Zoe wrote:\n> earlier text",
    queue: "Misc",
  });
  const number: string = created.body.number;
  await api("POST", `/api/v1/tickets/${number}/articles`, {
    channel: "note",
    body: "Checked the cable.",
  });

  await signIn({ url: app.url });
  await page.getByRole("link", { name: "Beamer in room 4 flickers" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Beamer in room 4 flickers");
  await expect(page.getByText(`#${number}`, { exact: true })).toBeVisible();
  await expect(page.getByText("Zoe Zoom <zoe@example.org>")).toBeVisible();
  // The request, the internal note (and the auto-response once the worker sent it).
  const request = page.getByRole("article").filter({ hasText: "It flickers." });
  await expect(request).toBeVisible();
  await expect(request.getByText("> earlier text")).toBeHidden(); // quoted history folded
  await request.getByText(t("zoom.quoted")).click();
  await expect(request.getByText("> earlier text")).toBeVisible();
  const note = page.getByRole("article").filter({ hasText: "Checked the cable." });
  await expect(note).toContainText(t("zoom.internal"));
  // The history speaks the agent's language too (no raw codes like "created").
  await page.getByText(t("zoom.history"), { exact: true }).click();
  await expect(
    page.getByRole("listitem").filter({ hasText: t("zoom.historyType", { type: "created" }) }),
  ).toBeVisible();

  // The admin is in the queue's group: a "new ticket" notification links here too.
  await expect(async () => {
    await page.goto(`${app.url}/agent/notifications`);
    await expect(page.getByRole("link", { name: new RegExp(number) })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 30_000 });
  await page
    .getByRole("link", { name: new RegExp(number) })
    .first()
    .click();
  await expect(page).toHaveURL(`${app.url}/agent/tickets/${number}`);

  await page.goto(`${app.url}/agent/tickets/2026112810999991`);
  await expect(page.getByRole("heading", { name: t("notFound.title") })).toBeVisible();
});
