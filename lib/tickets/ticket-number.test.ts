import { describe, expect, it } from "vitest";
import {
  computeCheckDigit,
  findTicketTags,
  formatTicketNumber,
  isValidTicketNumber,
  ticketDay,
} from "./ticket-number";

const REAL_OTRS_NUMBERS = ["2007070610001801", "2007060642000226"];

describe("ticket numbers", () => {
  it.each(REAL_OTRS_NUMBERS)("accepts the real OTRS number %s", (number) => {
    expect(isValidTicketNumber(number)).toBe(true);
  });

  it.each(REAL_OTRS_NUMBERS)("rejects %s with any other last digit", (number) => {
    const last = Number(number.at(-1));
    for (let digit = 0; digit <= 9; digit++) {
      if (digit === last) continue;
      expect(isValidTicketNumber(number.slice(0, -1) + digit)).toBe(false);
    }
  });

  it("computes the check digit, mapping 10 to 1", () => {
    // 200707061000180: weighted sum 60 → 10 − 0 = 10 → 1.
    expect(computeCheckDigit("200707061000180")).toBe(1);
    expect(computeCheckDigit("200706064200022")).toBe(6);
  });

  it("formats DateChecksum numbers", () => {
    expect(formatTicketNumber("20261128", "10", 1)).toBe("2026112810000011");
    expect(formatTicketNumber("20070706", "10", 180)).toBe("2007070610001801");
    expect(formatTicketNumber("20070606", "42", 22)).toBe("2007060642000226");
    expect(isValidTicketNumber(formatTicketNumber("20261128", "10", 123456))).toBe(true);
  });

  it("takes the day in the configured time zone", () => {
    const instant = new Date("2026-11-28T23:30:00Z");
    expect(ticketDay(instant, "UTC")).toBe("20261128");
    expect(ticketDay(instant, "Europe/Berlin")).toBe("20261129");
  });

  it("rejects malformed numbers", () => {
    expect(isValidTicketNumber("")).toBe(false);
    expect(isValidTicketNumber("200707061000180")).toBe(false);
    expect(isValidTicketNumber("2007070610001801x")).toBe(false);
  });
});

describe("ticket tags in subjects", () => {
  it("finds our tag with a valid check digit", () => {
    expect(findTicketTags("Re: [Ticket#2007070610001801] printer", "10")).toEqual([
      "2007070610001801",
    ]);
    expect(findTicketTags("AW: [ticket# 2007070610001801] x", "10")).toEqual(["2007070610001801"]);
  });

  it("ignores tags of another SystemID", () => {
    expect(findTicketTags("Re: [Ticket#2007060642000226]", "10")).toEqual([]);
    expect(findTicketTags("Re: [Ticket#2007060642000226]", "42")).toEqual(["2007060642000226"]);
  });

  it("ignores a wrong check digit, untagged numbers and duplicates", () => {
    expect(findTicketTags("Re: [Ticket#2007070610001802]", "10")).toEqual([]);
    expect(findTicketTags("Re: 2007070610001801", "10")).toEqual([]);
    expect(findTicketTags("[Ticket#2007070610001801] Re: [Ticket#2007070610001801]", "10")).toEqual(
      ["2007070610001801"],
    );
  });
});
