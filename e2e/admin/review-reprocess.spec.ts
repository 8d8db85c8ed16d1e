// Issue 14 acceptance, "re-process a failed inbound message after fixing its queue's
// address": the failed mail is listed on the review page with its reason; the admin gives
// WLAN the address in the browser and presses "Re-process"; the mail becomes a ticket in
// WLAN, leaves the failed list, and the audit records the re-processing.
// The desk never fails a mail for its address (DESIGN: unknown addresses go to the fallback
// queue, deactivated queues' mail to the default one), so the failure is arranged through
// lib (tests/kit/fail-inbound-process.ts): stored as the endpoint stores it, failed as
// processInboundMessage fails mail it cannot process.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { catalogues } from "../../lib/i18n/catalogues";
import { apiClient, runToEnd, startApp, type RunningApp } from "../../tests/kit/app-server";
import { buildMail } from "../../tests/kit/mail";
import { expect, test } from "../support/fixtures";

let app: RunningApp;

test.beforeAll(async () => {
  app = await startApp({ env: { WORKER_IN_WEB: "false" } });
});

test.afterAll(async () => {
  await app?.stop();
});

async function arrangeFailedMail(raw: Buffer, reason: string): Promise<number> {
  const out = await runToEnd(
    path.resolve("node_modules/.bin/tsx"),
    ["--conditions=react-server", "tests/kit/fail-inbound-process.ts"],
    { ...app.env, RAW: raw.toString("base64"), REASON: reason },
  );
  return JSON.parse(out).id;
}

test("an admin fixes WLAN's address and re-processes a failed mail into WLAN", async ({
  page,
  signIn,
  t,
  language,
}) => {
  test.setTimeout(120_000);
  const id = randomUUID().slice(0, 8);
  const address = `wlan-${id}@uni.example`;
  const subject = `Eduroam down ${id}`;
  const reason = `stopped before routing ${id}`;
  const inboundId = await arrangeFailedMail(buildMail({ to: address, subject }), reason);

  await signIn({ url: app.url });
  await page.goto(`${app.url}/agent/admin/review`);
  const row = page
    .getByRole("row")
    .filter({ hasText: t("review.messageNumber", { id: inboundId }) });
  await expect(row).toContainText(reason);

  // The fix: WLAN serves the address.
  await page.goto(`${app.url}/agent/admin/queues`);
  await page.getByRole("link", { name: "WLAN", exact: true }).click();
  const form = page
    .locator("form")
    .filter({ has: page.getByLabel(t("adminDesk.queueForm.addresses")) });
  await form.getByLabel(t("adminDesk.queueForm.addresses")).fill(address);
  await form.getByRole("button", { name: t("adminDesk.queueForm.save") }).click();
  await expect(page.getByRole("status")).toHaveText(t("adminDesk.queueForm.saved"));

  await page.goto(`${app.url}/agent/admin/review`);
  await page.getByRole("link", { name: t("review.messageNumber", { id: inboundId }) }).click();
  await page.getByRole("button", { name: t("review.reprocess") }).click();
  await expect(page.getByTestId("inbound-status")).toHaveText(t("review.statuses.processed"));

  const inbound = await apiClient(app)("GET", "/api/v1/inbound?status=processed");
  const processed = inbound.body.data.find((m: { id: number }) => m.id === inboundId);
  expect(processed.ticketId).toEqual(expect.any(Number));
  const inWlan = await apiClient(app)("GET", "/api/v1/tickets?queue=WLAN");
  expect(inWlan.body.data).toContainEqual(
    expect.objectContaining({ title: subject, queue: "WLAN" }),
  );

  await page.goto(`${app.url}/agent/admin/review`);
  await expect(
    page.getByRole("link", { name: t("review.messageNumber", { id: inboundId }) }),
  ).toHaveCount(0);

  await page.goto(`${app.url}/agent/admin/audit?action=inbound.reprocess`);
  // The action names hold a dot ("inbound.reprocess"): read the label from the catalogue.
  const label = catalogues[language].audit.actions["inbound.reprocess"];
  const entry = page.getByRole("row").filter({ hasText: label });
  await expect(entry.first()).toBeVisible();
  await expect(entry.first()).toContainText("processed");
});
