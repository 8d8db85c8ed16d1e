import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createAgentWithAccess } from "../../tests/kit/scopes";
import { systemScope } from "../access/system-scope";
import { SYSTEM } from "../actor";
import { createApiToken } from "../agents/api-tokens";
import { apiTokenSchema, rerunJobSchema } from "../agents/schemas";
import { db } from "../db";
import { seedDatabase } from "../setup/seed";
import { createTicket } from "../tickets/create-ticket";
import { updateTicket } from "../tickets/update-ticket";
import { runAgentAction } from "./run-agent-action";

const createTokenOptions = {
  name: "createToken",
  schema: apiTokenSchema,
  run: async ({
    agent,
    input,
  }: {
    agent: { id: number };
    input: z.output<typeof apiTokenSchema>;
  }) => createApiToken({ agentId: agent.id, ...input }),
};

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

afterEach(() => vi.restoreAllMocks());

describe("runAgentAction", () => {
  it("sends a caller without a session to sign-in and runs nothing", async () => {
    await seedDatabase();
    const error = await runAgentAction(null, createTokenOptions, form({ name: "ci" })).catch(
      (e: unknown) => e,
    );
    expect(String((error as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT;.*;\/login;/);
    expect(await db.apiToken.count()).toBe(0);
  });

  it("refuses an admin action to an agent, before parsing or running", async () => {
    await seedDatabase();
    const agent = await createAgentWithAccess({ WLAN: "rw" });
    const run = vi.fn();
    const result = await runAgentAction(
      agent,
      { name: "rerun", role: "admin", schema: rerunJobSchema, run },
      form({ jobId: "1" }),
    );
    expect(result).toEqual({ ok: false, formError: "forbidden" });
    expect(run).not.toHaveBeenCalled();
  });

  it("parses the form with the shared schema and runs for a real agent", async () => {
    await seedDatabase();
    const agent = await createAgentWithAccess({ WLAN: "rw" });
    const result = await runAgentAction(
      agent,
      createTokenOptions,
      form({ name: " ci ", readOnly: "on" }),
    );
    expect(result.ok).toBe(true);
    const stored = await db.apiToken.findFirstOrThrow({ where: { agentId: agent.id } });
    expect([stored.name, stored.readOnly]).toEqual(["ci", true]);
  });

  it("answers schema failures with message keys per field and keeps what was typed", async () => {
    await seedDatabase();
    const agent = await createAgentWithAccess({});
    const result = await runAgentAction(agent, createTokenOptions, form({ name: "   " }));
    expect(result).toEqual({
      ok: false,
      fieldErrors: { name: ["required"] },
      values: { name: "   " },
    });
    const long = await runAgentAction(agent, createTokenOptions, form({ name: "x".repeat(101) }));
    expect(long).toMatchObject({ ok: false, fieldErrors: { name: ["invalid"] } });
  });

  it("maps a domain UserFacingError to its key: at its field, or for the form", async () => {
    await seedDatabase();
    const agent = await createAgentWithAccess({ WLAN: "rw", VoIP: "ro" });
    const wlan = await db.queue.findUniqueOrThrow({ where: { name: "WLAN" } });
    const voip = await db.queue.findUniqueOrThrow({ where: { name: "VoIP" } });
    const ticket = await createTicket({
      scope: systemScope,
      customer: { email: "fay@example.org" },
      title: "Move me",
      queueId: wlan.id,
      actor: SYSTEM,
      article: { channel: "web", direction: "in", visibleToCustomer: true, text: "x" },
    });
    const move = {
      name: "moveTicket",
      schema: z.object({ ticketId: z.coerce.number(), queueId: z.coerce.number() }),
      run: ({
        scope,
        input,
      }: {
        scope: Parameters<typeof updateTicket>[0]["scope"];
        input: { ticketId: number; queueId: number };
      }) =>
        updateTicket({
          scope,
          ticketId: input.ticketId,
          actor: SYSTEM,
          changes: { queueId: input.queueId },
        }),
    };
    // The agent's real scope: it may read VoIP but not move tickets there.
    expect(await runAgentAction(agent, move, { ticketId: ticket.id, queueId: voip.id })).toEqual({
      ok: false,
      fieldErrors: { queue: ["unknownQueue"] },
    });
    expect(await runAgentAction(agent, move, { ticketId: 999_999, queueId: wlan.id })).toEqual({
      ok: false,
      formError: "notFound",
    });
  });

  it("logs anything unexpected with its context and answers with the generic key", async () => {
    await seedDatabase();
    const agent = await createAgentWithAccess({});
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await runAgentAction(
      agent,
      {
        name: "broken",
        schema: z.object({ note: z.string() }),
        run: async () => {
          throw new Error("disk full");
        },
      },
      form({ note: "keep me" }),
    );
    expect(result).toEqual({ ok: false, formError: "generic", values: { note: "keep me" } });
    expect(logged).toHaveBeenCalledWith("agent action broken failed", {
      agentId: agent.id,
      fields: ["note"],
      error: expect.objectContaining({ message: "disk full" }),
    });
  });
});
