// Helpers for the customer-portal specs: mail the app sent through the Resend
// stub, unique addresses, and a customer session opened by an access link.
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { ADMIN } from "../../tests/kit/app-server";

export interface SentMail {
  to: string | string[];
  subject: string;
  text?: string;
  html?: string;
}

export const uniqueEmail = (label: string) =>
  `${label}-${randomBytes(4).toString("hex")}@customer.example`;

export async function sentMails(stubUrl: string): Promise<SentMail[]> {
  return (await fetch(`${stubUrl}/__stub/emails`)).json();
}

const isTo = (mail: SentMail, address: string) =>
  (Array.isArray(mail.to) ? mail.to : [mail.to]).some((to) => to.includes(address));

/** Waits (up to ~20 s) for a mail to `address` that matches, as the worker sends it. */
export async function waitForMail(
  stubUrl: string,
  address: string,
  matches: (mail: SentMail) => boolean = () => true,
): Promise<SentMail> {
  let found: SentMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await sentMails(stubUrl)).find((m) => isTo(m, address) && matches(m));
        return !!found;
      },
      { timeout: 20_000, intervals: [250, 500, 1000] },
    )
    .toBe(true);
  return found!;
}

export function linkIn(mail: SentMail): string {
  const link = /https?:\/\/[^\s"'<>]+\/access\/[A-Za-z0-9_-]{43}/.exec(
    `${mail.text ?? ""} ${mail.html ?? ""}`,
  );
  expect(link, `no access link in ${mail.subject}`).not.toBeNull();
  return link![0];
}

/** Creates a ticket for `email` through the integration API; returns its number. */
export async function createTicketViaApi(
  baseURL: string,
  email: string,
  subject: string,
  queue = "Web",
): Promise<string> {
  const res = await fetch(`${baseURL}/api/v1/tickets`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN.apiToken}`, "content-type": "application/json" },
    body: JSON.stringify({
      customer: { email },
      subject,
      body: `${subject}: details`,
      queue,
      channel: "web",
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()).number;
}

/**
 * Opens a mailed link as the customer does: the link page (GET changes
 * nothing) and its Continue button, which signs in.
 */
export async function openLink(page: Page, link: string, onLinkPage?: () => Promise<void>) {
  await page.goto(link);
  const button = page.getByRole("button", { name: /^(Continue|Weiter)$/ });
  await expect(button).toBeVisible();
  await onLinkPage?.();
  await button.click();
  await expect(page).not.toHaveURL(/\/access\//);
}

/** Status lookup → access link from the stub → the ticket page with a customer session. */
export async function openTicketAsCustomer(
  page: Page,
  stubUrl: string,
  number: string,
  email: string,
  onLinkPage?: () => Promise<void>,
) {
  await page.goto("/status");
  await page.locator("#number").fill(number);
  await page.locator("#email").fill(email);
  await page.locator("form button[type=submit]").click();
  await expect(page.locator("form").getByRole("status")).toBeVisible();
  const mail = await waitForMail(
    stubUrl,
    email,
    // The lookup's own mail, not the confirmation (which carries a direct link too).
    (m) =>
      m.subject.includes(number) &&
      /(Your link to request|Ihr Link zur Anfrage)/.test(m.subject) &&
      /\/access\//.test(m.text ?? m.html ?? ""),
  );
  await openLink(page, linkIn(mail), onLinkPage);
  await expect(page).toHaveURL(new RegExp(`/tickets/${number}$`));
}

/** The seeded default queues' public names (lib/setup/seed.ts), as topics on the request form. */
export const TOPIC = {
  general: { en: "General questions", de: "Allgemeine Fragen" },
  web: { en: "Web sites and web services", de: "Webseiten und Webdienste" },
  wlan: { en: "Wireless network (WLAN)", de: "Funknetz (WLAN)" },
} as const;
