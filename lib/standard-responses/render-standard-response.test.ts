import { describe, expect, it } from "vitest";
import { renderStandardResponse } from "./render-standard-response";

const values = {
  customer: { name: "Carol Meyer", email: "carol@example.org" },
  ticket: { number: "2026113010000017", title: "Eduroam drops" },
  agent: { name: "Tom Becker" },
  queue: { name: "WLAN" },
};

describe("renderStandardResponse", () => {
  it("fills every documented variable, with or without spaces in the braces", () => {
    expect(
      renderStandardResponse(
        "Dear {{customer.name}},\nticket {{ ticket.number }} ({{ticket.title}}) in {{queue.name}}.\n{{agent.name}} <{{customer.email}}>",
        values,
      ),
    ).toBe(
      "Dear Carol Meyer,\nticket 2026113010000017 (Eduroam drops) in WLAN.\nTom Becker <carol@example.org>",
    );
  });

  it("leaves unknown variables visible, so the agent sees them in the preview", () => {
    expect(renderStandardResponse("Hi {{customer.firstname}} {{ticket.number}}", values)).toBe(
      "Hi {{customer.firstname}} 2026113010000017",
    );
  });

  it("uses the address when the customer gave no name, and does not fill values twice", () => {
    const text = renderStandardResponse("Dear {{customer.name}}", {
      ...values,
      customer: { name: "", email: "x@example.org" },
    });
    expect(text).toBe("Dear x@example.org");
    const tricky = renderStandardResponse("{{ticket.title}}", {
      ...values,
      ticket: { ...values.ticket, title: "{{agent.name}}" },
    });
    expect(tricky).toBe("{{agent.name}}");
  });
});
