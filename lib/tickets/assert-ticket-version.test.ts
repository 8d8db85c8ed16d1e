// The version check (issue 15): a change against an old version is refused with who changed
// the ticket and when, and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { systemScope } from "@/lib/access/system-scope";
import { agentActor, SYSTEM } from "@/lib/actor";
import { runAgentAction } from "@/lib/actions/run-agent-action";
import { createAgent } from "@/lib/agents/create-agent";
import { db, transaction } from "@/lib/db";
import { seedDatabase } from "@/lib/setup/seed";
import { scopeWithAccess } from "@/tests/kit/scopes";
import { z } from "zod";
import { addArticle } from "./add-article";
import { addFollowUp } from "./add-follow-up";
import { assertTicketVersion, StaleVersionError } from "./assert-ticket-version";
import { createTicket } from "./create-ticket";
import { mergeTickets } from "./merge-tickets";
import { lockTicket } from "./ticket-lock";
import { updateTicket } from "./update-ticket";

let tom: { id: number; email: string; name: string; role: "admin" | "agent" };
let vera: typeof tom;
let queueId: number;

beforeAll(async () => {
  await seedDatabase();
  queueId = (await db.queue.findFirstOrThrow()).id;
  const agent = (name: string) =>
    createAgent({
      email: `${name.split(" ")[0].toLowerCase()}@desk.example`,
      name,
      password: "unused-password",
      role: "admin",
    });
  tom = await agent("Tom Becker");
  vera = await agent("Vera Voss");
});

const newTicket = (title: string) =>
  createTicket({
    scope: systemScope,
    customer: { email: "version-check@example.org" },
    title,
    queueId,
    actor: SYSTEM,
    article: { channel: "phone", direction: "in", visibleToCustomer: true, text: "x" },
  });
const versionOf = async (id: number) =>
  (await db.ticket.findUniqueOrThrow({ where: { id } })).version;

describe("assertTicketVersion", () => {
  it("refuses a change against an old version with the colleague's name and time, writing nothing", async () => {
    const ticket = await newTicket("Two agents");
    const target = await newTicket("Target");
    const loaded = await versionOf(ticket.id); // both agents' pages show this version
    const at = new Date(Date.now() - 2 * 60_000);
    await lockTicket({
      ticketId: ticket.id,
      agentId: tom.id,
      scope: systemScope,
      expectedVersion: loaded,
      now: at,
    });

    const refused = mergeTickets({
      sourceId: ticket.id,
      targetNumber: target.number,
      actor: agentActor(vera.id),
      scope: systemScope,
      expectedVersion: loaded,
    });
    await expect(refused).rejects.toBeInstanceOf(StaleVersionError);
    await expect(refused).rejects.toMatchObject({
      code: "conflict",
      key: "staleVersion",
      currentVersion: loaded + 1,
      lastChange: { by: "Tom Becker", kind: "agent" },
    });
    // "… 2 minutes ago": the time of Tom's change.
    expect(
      (
        await refused.then(
          () => null,
          (e: StaleVersionError) => e,
        )
      )?.lastChange?.at,
    ).toEqual(at);
    expect(await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).toMatchObject({
      state: "new",
      mergedIntoId: null,
    });
    expect(await db.article.count({ where: { ticketId: target.id } })).toBe(1);
    // With the fresh version the same change goes through.
    await mergeTickets({
      sourceId: ticket.id,
      targetNumber: target.number,
      actor: agentActor(vera.id),
      scope: systemScope,
      expectedVersion: await versionOf(ticket.id),
    });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).state).toBe("merged");
  });

  it("names the customer whose new mail arrived while the agent was writing", async () => {
    const ticket = await newTicket("Reply race");
    const loaded = await versionOf(ticket.id);
    await addFollowUp({
      ticketId: ticket.id,
      scope: systemScope,
      senderEmail: "version-check@example.org",
      actor: {
        kind: "customer",
        customerId: ticket.customerId,
        email: "version-check@example.org",
      },
      article: {
        channel: "email",
        direction: "in",
        visibleToCustomer: true,
        text: "One more thing",
      },
    });
    await expect(
      transaction((tx) =>
        assertTicketVersion(tx, { ticketId: ticket.id, expected: loaded, scope: systemScope }),
      ),
    ).rejects.toMatchObject({ lastChange: { by: "version-check@example.org", kind: "customer" } });
  });

  it("refuses a reply or a state change made against an old version (addArticle, updateTicket)", async () => {
    const ticket = await newTicket("Reply and state");
    const loaded = await versionOf(ticket.id);
    await lockTicket({ ticketId: ticket.id, agentId: tom.id, scope: systemScope });
    await expect(
      addArticle({
        ticketId: ticket.id,
        scope: systemScope,
        actor: agentActor(vera.id),
        expectedVersion: loaded,
        article: { channel: "email", direction: "out", visibleToCustomer: true, text: "Reply" },
      }),
    ).rejects.toMatchObject({ key: "staleVersion", lastChange: { by: "Tom Becker" } });
    await expect(
      updateTicket({
        ticketId: ticket.id,
        scope: systemScope,
        actor: agentActor(vera.id),
        expectedVersion: loaded,
        changes: { state: "open" },
      }),
    ).rejects.toMatchObject({ key: "staleVersion" });
    expect(await db.article.count({ where: { ticketId: ticket.id } })).toBe(1);
    expect((await db.ticket.findUniqueOrThrow({ where: { id: ticket.id } })).state).toBe("new");
  });

  it("answers a ticket outside the scope as not found, never with who changed it", async () => {
    const ticket = await newTicket("Elsewhere");
    const queue = await db.queue.findUniqueOrThrow({ where: { id: queueId } });
    const other = await db.queue.findFirstOrThrow({ where: { id: { not: queueId } } });
    const scope = await scopeWithAccess({ [other.name]: "rw" });
    expect(queue.id).not.toBe(other.id);
    await expect(
      transaction((tx) => assertTicketVersion(tx, { ticketId: ticket.id, expected: 0, scope })),
    ).rejects.toMatchObject({ key: "notFound" });
  });

  it("reaches an agent form as the staleVersion key with the colleague's name", async () => {
    const ticket = await newTicket("Action");
    const loaded = await versionOf(ticket.id);
    await lockTicket({ ticketId: ticket.id, agentId: tom.id, scope: systemScope });
    const result = await runAgentAction(
      vera,
      {
        name: "test.lock",
        schema: z.object({ version: z.coerce.number() }),
        run: ({ agent, scope, input }) =>
          lockTicket({
            ticketId: ticket.id,
            agentId: agent.id,
            scope,
            expectedVersion: input.version,
          }),
      },
      { version: String(loaded) },
    );
    expect(result).toMatchObject({
      ok: false,
      formError: "staleVersion",
      lastChange: { by: "Tom Becker", kind: "agent" },
    });
  });
});
