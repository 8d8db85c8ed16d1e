// Who did something: recorded on history entries and articles.
export type Actor =
  | { kind: "agent"; agentId: number }
  | { kind: "customer"; customerId: number; email: string }
  | { kind: "system" };

export const SYSTEM: Actor = { kind: "system" };

export function actorFields(actor: Actor): { actorAgentId: number | null; actor: string } {
  switch (actor.kind) {
    case "agent":
      return { actorAgentId: actor.agentId, actor: "" };
    case "customer":
      return { actorAgentId: null, actor: `customer:${actor.email}` };
    case "system":
      return { actorAgentId: null, actor: "system" };
  }
}

export const agentActor = (agentId: number): Actor => ({ kind: "agent", agentId });
