import { describe, expect, it } from "vitest";
import { addBusinessMinutes, parseCalendar } from "./business-time";

const berlin = parseCalendar({
  timeZone: "Europe/Berlin",
  hours: {
    "1": ["08:00", "17:00"],
    "2": ["08:00", "17:00"],
    "3": ["08:00", "17:00"],
    "4": ["08:00", "17:00"],
    "5": ["08:00", "16:00"],
  },
  holidays: ["2026-12-24", "2026-12-25"],
});

describe("business time", () => {
  it("runs around the clock without a calendar", () => {
    expect(addBusinessMinutes(new Date("2026-11-28T10:00:00Z"), 90, null).toISOString()).toBe(
      "2026-11-28T11:30:00.000Z",
    );
  });

  it("counts only business hours, in the calendar's time zone", () => {
    // Thursday 2026-11-26 16:00 Berlin (15:00Z) + 120 min: 60 today, 60 on Friday from 08:00 → 09:00 Berlin.
    expect(addBusinessMinutes(new Date("2026-11-26T15:00:00Z"), 120, berlin).toISOString()).toBe(
      "2026-11-27T08:00:00.000Z",
    );
    // Saturday → Monday 08:00 Berlin + 30.
    expect(addBusinessMinutes(new Date("2026-11-28T10:00:00Z"), 30, berlin).toISOString()).toBe(
      "2026-11-30T07:30:00.000Z",
    );
  });

  it("skips holidays and handles daylight-saving changes", () => {
    // Wed 2026-12-23 16:30 Berlin + 60 → 30 min left on 23rd, 24th/25th holidays, weekend, Monday 28th 08:30.
    expect(addBusinessMinutes(new Date("2026-12-23T15:30:00Z"), 60, berlin).toISOString()).toBe(
      "2026-12-28T07:30:00.000Z",
    );
    // Friday 2026-03-27 15:30 CET + 60 → Monday 2026-03-30 08:30 CEST (06:30Z).
    expect(addBusinessMinutes(new Date("2026-03-27T14:30:00Z"), 60, berlin).toISOString()).toBe(
      "2026-03-30T06:30:00.000Z",
    );
  });

  it("rejects malformed calendars", () => {
    expect(parseCalendar({ hours: { "9": ["x", "y"] } })).toBeNull();
    expect(parseCalendar(null)).toBeNull();
  });
});
