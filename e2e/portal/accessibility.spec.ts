import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { createTicketViaApi, openTicketAsCustomer, uniqueEmail } from "./portal-helpers";

const SCREENSHOTS = path.resolve(__dirname, "../artifacts/screenshots");

async function expectNoSeriousViolations(page: Page, label: string) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const serious = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `${label}: axe violations`).toEqual([]);
}

for (const locale of ["en", "de"] as const) {
  test(`portal pages have no serious accessibility violations (${locale})`, async ({
    page,
    baseURL,
    state,
  }) => {
    await page.context().addCookies([{ name: "locale", value: locale, url: baseURL! }]);

    await page.goto("/request");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectNoSeriousViolations(page, `${locale} request form`);
    // With its errors showing.
    await page.locator("main form button[type=submit]").click();
    await expect(page.locator("main form").getByRole("alert")).toBeVisible();
    await expectNoSeriousViolations(page, `${locale} request form with errors`);

    await page.goto("/status");
    await expectNoSeriousViolations(page, `${locale} status lookup`);
    await page.goto("/my-requests");
    await expectNoSeriousViolations(page, `${locale} my requests sign-in`);

    const email = uniqueEmail(`axe-${locale}`);
    const number = await createTicketViaApi(baseURL!, email, "Accessibility check");
    await openTicketAsCustomer(page, state.stubUrl, number, email, () =>
      expectNoSeriousViolations(page, `${locale} link page`),
    );
    await expectNoSeriousViolations(page, `${locale} ticket page`);
  });
}

test("the request form and ticket page fit a phone screen", async ({ page, baseURL, state, t }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/request");
  const overflow = () =>
    page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, "request-form-phone.png"), fullPage: true });

  const email = uniqueEmail("phone");
  const number = await createTicketViaApi(baseURL!, email, "Small screen");
  await openTicketAsCustomer(page, state.stubUrl, number, email);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, "ticket-page-phone.png"), fullPage: true });

  // Keyboard: the skip link and the form are reachable by Tab.
  await page.goto("/request");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: t("app.skipToContent") })).toBeFocused();
});
