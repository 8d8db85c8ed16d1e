// Plurals, selects, dates and relative times in both languages, through the same
// request-independent translator the mail jobs use (TIME_ZONE defaults to UTC).
import { describe, expect, it } from "vitest";
import {
  describeError,
  formatBytes,
  type PortalErrorKey,
  type PortalErrors,
} from "../portal/field-errors";
import { getFormatter, getTranslator } from "./translator";

const en = getTranslator("en");
const de = getTranslator("de");

describe("plurals", () => {
  it("count open tickets in English", () => {
    expect(en("dashboard.openTickets", { count: 0 })).toBe("no open tickets");
    expect(en("dashboard.openTickets", { count: 1 })).toBe("1 open ticket");
    expect(en("dashboard.openTickets", { count: 2 })).toBe("2 open tickets");
    expect(en("dashboard.openTickets", { count: 1200 })).toBe("1,200 open tickets");
  });

  it("count open tickets in German", () => {
    expect(de("dashboard.openTickets", { count: 0 })).toBe("keine offenen Tickets");
    expect(de("dashboard.openTickets", { count: 1 })).toBe("1 offenes Ticket");
    expect(de("dashboard.openTickets", { count: 2 })).toBe("2 offene Tickets");
    expect(de("dashboard.openTickets", { count: 1200 })).toBe("1.200 offene Tickets");
  });

  it("count unread notifications in both languages", () => {
    expect(en("nav.unread", { count: 1 })).toBe("1 unread notification");
    expect(en("nav.unread", { count: 3 })).toBe("3 unread notifications");
    expect(de("nav.unread", { count: 1 })).toBe("1 ungelesene Benachrichtigung");
    expect(de("nav.unread", { count: 3 })).toBe("3 ungelesene Benachrichtigungen");
  });
});

describe("select", () => {
  it("words a notification subject by its event, in each language", () => {
    const vars = { queue: "WLAN", title: "No signal", number: "1" };
    expect(en("mail.notification.subject", { ...vars, event: "new_ticket" })).toBe(
      "New ticket in WLAN: No signal",
    );
    expect(de("mail.notification.subject", { ...vars, event: "new_ticket" })).toBe(
      "Neues Ticket in WLAN: No signal",
    );
    expect(de("mail.notification.subject", { ...vars, event: "escalation" })).toBe(
      "Eskalation: No signal",
    );
    expect(en("mail.notification.subject", { ...vars, event: "unknown" })).toBe("No signal");
  });

  it("says in the notification body when the sender is not the customer", () => {
    const vars = { event: "follow_up", queue: "WLAN", title: "No signal", number: "42" };
    expect(de("mail.notification.body", { ...vars, foreignSender: "true" })).toBe(
      "Der Kunde hat erneut geschrieben:\n42 — No signal\n(Der Absender ist nicht der Kunde des Tickets.)",
    );
    expect(en("mail.notification.body", { ...vars, foreignSender: "false" })).toBe(
      "The customer wrote again:\n42 — No signal",
    );
  });
});

describe("dates", () => {
  const when = new Date("2026-11-30T14:05:00Z");

  it("use each language's date format", () => {
    expect(getFormatter("en").dateTime(when, "short")).toBe("Nov 30, 2026, 2:05 PM");
    expect(getFormatter("de").dateTime(when, "short")).toBe("30.11.2026, 14:05");
  });

  it("write link expiry dates with month names and time zone", () => {
    expect(getFormatter("en").dateTime(when, "deadline")).toBe("November 30, 2026 at 02:05 PM UTC");
    expect(getFormatter("de").dateTime(when, "deadline")).toBe("30. November 2026 um 14:05 UTC");
  });

  it("say how long ago something happened", () => {
    const now = new Date(when.getTime() + 2 * 3600_000);
    expect(getFormatter("en").relativeTime(when, now)).toBe("2 hours ago");
    expect(getFormatter("de").relativeTime(when, now)).toBe("vor 2 Stunden");
    const justNow = new Date(when.getTime() + 30_000);
    expect(getFormatter("en").relativeTime(when, justNow)).toBe("30 seconds ago");
  });
});

describe("numbers", () => {
  it("write file sizes with each language's decimal mark", () => {
    expect(formatBytes(getFormatter("en"), 1.5 * 1024 * 1024)).toBe("1.5 MB");
    expect(formatBytes(getFormatter("de"), 1.5 * 1024 * 1024)).toBe("1,5 MB");
    expect(formatBytes(getFormatter("de"), 2048)).toBe("2 kB");
  });

  it("fill size limits into portal errors in both languages", () => {
    const limits = { maxCount: 5, maxBytes: 2.5 * 1024 * 1024, extensions: [] };
    const errorsOf = (t: ReturnType<typeof getTranslator>): PortalErrors =>
      Object.assign(
        (key: PortalErrorKey, values?: Record<string, string | number>) =>
          t(`portal.errors.${key}`, values),
        { has: (key: PortalErrorKey) => t.has(`portal.errors.${key}`) },
      );
    expect(describeError("fileTooLarge", errorsOf(en), { name: "a.pdf" }, limits)).toBe(
      "a.pdf is larger than 2.5 MB.",
    );
    expect(describeError("fileTooLarge", errorsOf(de), { name: "a.pdf" }, limits)).toBe(
      "a.pdf ist größer als 2,5 MB.",
    );
    expect(describeError("no-such-key", errorsOf(de))).toBe(de("portal.errors.generic"));
  });
});
