// The ticket states are listed once (models.prisma); the rest is derived from it.
import { describe, expect, it } from "vitest";
import { TicketState as PostgresStates } from "../generated/postgresql/enums";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import { apiListTicketsSchema, apiUpdateTicketSchema } from "./schemas";
import { CLOSED_STATES, isClosed, isPending, PENDING_STATES, TICKET_STATES } from "./states";

describe("ticket states", () => {
  it("are the enum of both generated clients, in order", () => {
    expect(TICKET_STATES).toEqual(Object.values(PostgresStates));
    expect(TICKET_STATES).toContain("merged");
  });

  it("derive pending and closed", () => {
    expect(PENDING_STATES).toEqual(["pending_reminder", "pending_auto_close"]);
    expect(CLOSED_STATES).toEqual(["closed_successful", "closed_unsuccessful", "merged"]);
    expect(TICKET_STATES.filter(isPending)).toEqual(PENDING_STATES);
    expect(TICKET_STATES.filter(isClosed)).toEqual(CLOSED_STATES);
  });

  it("are all settable through the API but merged, and all listable", () => {
    for (const state of TICKET_STATES) {
      expect(apiUpdateTicketSchema.safeParse({ state }).success, state).toBe(state !== "merged");
      expect(apiListTicketsSchema.safeParse({ state }).success, state).toBe(true);
    }
    expect(apiUpdateTicketSchema.safeParse({ state: "resolved" }).success).toBe(false);
  });

  it("have a name in every catalogue", () => {
    for (const messages of [en, de])
      expect(Object.keys(messages.states).sort()).toEqual([...TICKET_STATES].sort());
  });
});
