// Similar tickets on the database of this run: earlier tickets of readable queues only,
// the one sharing the most words first.
import { beforeAll, describe, expect, it } from "vitest";
import { scopeWithAccess } from "../../tests/kit/scopes";
import { testProvider } from "../../tests/kit/databases";
import { SYSTEM } from "../actor";
import { systemScope } from "../access/system-scope";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { createTicket } from "../tickets/create-ticket";
import { findSimilarTickets } from "./similar-tickets";

const queueIds: Record<string, number> = {};

async function ticket(queue: string, title: string, text: string) {
  return createTicket({
    scope: systemScope,
    customer: { email: "someone@example.org" },
    title,
    queueId: queueIds[queue],
    actor: SYSTEM,
    article: { channel: "email", direction: "in", visibleToCustomer: true, text },
  });
}

beforeAll(async () => {
  await seedDatabase();
  for (const queue of await db.queue.findMany()) queueIds[queue.name] = queue.id;
});

describe(`findSimilarTickets on ${testProvider()}`, () => {
  it("lists earlier tickets of the agent's queues, the closest first", async () => {
    const close = await ticket(
      "Misc",
      "VPN connection drops",
      "The VPN tunnel disconnects every hour.",
    );
    const loose = await ticket(
      "Misc",
      "Laptop slow",
      "Since the VPN client update the laptop is slow.",
    );
    await ticket("Misc", "Printer jam", "Paper stuck in tray two.");
    const foreign = await ticket(
      "WLAN",
      "VPN connection drops",
      "The VPN tunnel disconnects every hour.",
    );
    const current = await ticket(
      "Misc",
      "VPN tunnel drops hourly",
      "Our VPN connection disconnects each hour.",
    );
    const later = await ticket("Misc", "VPN connection drops again", "The VPN tunnel disconnects.");

    const agent = await scopeWithAccess({ Misc: "rw" });
    const similar = await findSimilarTickets({ scope: agent, ticketId: current.id });
    expect(similar.map((other) => other.number)).toEqual([close.number, loose.number]);
    const numbers = similar.map((other) => other.number);
    expect(numbers).not.toContain(foreign.number);
    expect(numbers).not.toContain(later.number);

    // An agent who cannot read the ticket gets nothing; one reading both queues sees both twins.
    expect(
      await findSimilarTickets({
        scope: await scopeWithAccess({ WLAN: "rw" }),
        ticketId: current.id,
      }),
    ).toEqual([]);
    const both = await findSimilarTickets({
      scope: await scopeWithAccess({ Misc: "ro", WLAN: "ro" }),
      ticketId: current.id,
    });
    expect(
      both
        .slice(0, 2)
        .map((other) => other.number)
        .sort(),
    ).toEqual([close.number, foreign.number].sort());
  });
});
