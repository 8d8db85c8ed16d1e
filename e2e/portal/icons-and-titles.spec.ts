// Every page has an icon (no 404 for /favicon.ico) and a title that says where one is.
import { expect, test } from "../support/fixtures";

test("icons are served and linked from every page", async ({ page, request }) => {
  for (const [path, type] of [
    ["/favicon.ico", "image/x-icon"],
    ["/icon.svg", "image/svg+xml"],
    ["/apple-icon.png", "image/png"],
  ]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toContain(type);
  }
  const missing: string[] = [];
  page.on("response", (res) => void (res.status() === 404 && missing.push(res.url())));
  for (const path of ["/", "/request", "/status", "/my-requests", "/login"]) {
    await page.goto(path);
    await expect(page.locator('head link[rel="icon"]').first()).toHaveAttribute("href", /icon/);
    await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveAttribute(
      "href",
      /apple-icon/,
    );
  }
  expect(missing).toEqual([]);
});

test("page titles say where one is", async ({ page, t }) => {
  const app = t("app.name");
  const titles: [string, string][] = [
    ["/", app],
    ["/request", `${t("portal.request.title")} · ${app}`],
    ["/status", `${t("portal.status.title")} · ${app}`],
    ["/my-requests", `${t("portal.myRequests.title")} · ${app}`],
    ["/login", `${t("login.title")} · ${app}`],
  ];
  for (const [path, title] of titles) {
    await page.goto(path);
    await expect(page, path).toHaveTitle(title);
  }
});
