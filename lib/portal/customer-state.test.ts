import { describe, expect, it } from "vitest";
import { db } from "../db";
import { TicketState } from "../generated/sqlite/enums";
import { catalogues } from "../i18n/catalogues";
import { getTranslator } from "../i18n/translator";
import { customerStateOf, describeCustomerState } from "./customer-state";
import { exchangeToken } from "./exchange-token";
import { getCustomerSession } from "./get-customer-session";
import { getCustomerTicket } from "./get-customer-ticket";
import { listCustomerTickets } from "./list-customer-tickets";
import { requestAccessLink } from "./request-access-link";
import { requestMagicLink } from "./request-magic-link";
import { freshIp, lastMailLink, runLinkRequests, submitRequest, tokenOf } from "@/tests/kit/portal";

async function sessionFor(kind: "access" | "magic", email: string, number?: string) {
  if (kind === "access") {
    await requestAccessLink({ number: number!, email, ip: freshIp(), locale: "en" });
  } else {
    await requestMagicLink({ email, ip: freshIp(), locale: "en" });
  }
  await runLinkRequests();
  const link = await lastMailLink(kind === "access" ? "access-link" : "magic-link", email);
  const result = await exchangeToken({ token: tokenOf(link!) });
  return (await getCustomerSession({ token: result!.sessionToken }))!;
}

describe("states in customer words", () => {
  it("maps every ticket state to one of the five customer words", () => {
    const words = Object.values(TicketState).map(customerStateOf);
    expect(Object.values(TicketState).length).toBeGreaterThanOrEqual(7);
    expect(new Set(words)).toEqual(
      new Set(["received", "in_progress", "on_hold", "closed", "merged"]),
    );
    expect(customerStateOf("new")).toBe("received");
    expect(customerStateOf("open")).toBe("in_progress");
    expect(customerStateOf("pending_reminder")).toBe("on_hold");
    expect(customerStateOf("pending_auto_close")).toBe("on_hold");
    expect(customerStateOf("closed_successful")).toBe("closed");
    expect(customerStateOf("closed_unsuccessful")).toBe("closed");
  });

  it("never shows an agent's state name, in either language", () => {
    for (const locale of ["en", "de"] as const) {
      const t = getTranslator(locale);
      for (const state of Object.values(TicketState)) {
        const text = describeCustomerState({ state, mergedInto: null }, t);
        expect(text).not.toBe("");
        if (state !== "new" && state !== "open" && state !== "merged")
          expect(text).not.toBe(catalogues[locale].states[state]);
      }
    }
    expect(describeCustomerState({ state: "pending_reminder" }, getTranslator("de"))).toBe(
      "zurückgestellt",
    );
    expect(
      describeCustomerState(
        { state: "merged", mergedInto: { number: "2026113010000019" } },
        getTranslator("en"),
      ),
    ).toBe("merged into 2026113010000019");
  });

  it("names a merge target, openable only within the session's scope", async () => {
    const email = "merle@example.org";
    const target = await submitRequest({ email, subject: "Target" });
    const merged = await submitRequest({ email, subject: "Merged" });
    const foreign = await submitRequest({ email: "stranger@example.org", subject: "Foreign" });
    const mergedAway = await submitRequest({ email, subject: "Merged into foreign" });
    const targetRow = await db.ticket.findUniqueOrThrow({ where: { number: target.number } });
    const foreignRow = await db.ticket.findUniqueOrThrow({ where: { number: foreign.number } });
    await db.ticket.update({
      where: { number: merged.number },
      data: { state: "merged", mergedIntoId: targetRow.id },
    });
    await db.ticket.update({
      where: { number: mergedAway.number },
      data: { state: "merged", mergedIntoId: foreignRow.id },
    });

    const all = await sessionFor("magic", email);
    const view = await getCustomerTicket({ session: all, number: merged.number, locale: "en" });
    expect(view!.mergedInto).toEqual({ number: target.number, isVisible: true });
    const away = await getCustomerTicket({ session: all, number: mergedAway.number, locale: "en" });
    expect(away!.mergedInto).toEqual({ number: foreign.number, isVisible: false });
    expect(JSON.stringify(away)).not.toContain("Foreign");
    const listed = await listCustomerTickets({ session: all });
    expect(listed.find((t) => t.number === merged.number)!.mergedInto).toEqual({
      number: target.number,
      isVisible: true,
    });
    expect(listed.find((t) => t.number === target.number)!.mergedInto).toBeNull();

    // An access link opens one ticket only: the target is named, not linked.
    const one = await sessionFor("access", email, merged.number);
    const single = await getCustomerTicket({ session: one, number: merged.number, locale: "en" });
    expect(single!.mergedInto).toEqual({ number: target.number, isVisible: false });
  });
});
