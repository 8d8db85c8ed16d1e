import { describe, expect, it } from "vitest";
import { addBusinessMinutes, calendarSchema, parseCalendar } from "./business-time";

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

  it("counts real minutes across the switch to summer time (last Sunday of March)", () => {
    // 2026-03-29, Europe/Berlin: 02:00 CET → 03:00 CEST, so Sunday 00:00–06:00 is 5 hours long.
    const onCall = calendarWith({ "0": ["00:00", "06:00"], "1": ["08:00", "17:00"] });
    // Sunday 00:00 CET (Saturday 23:00Z) + 300 min → the end of Sunday's hours, 06:00 CEST.
    expect(addBusinessMinutes(new Date("2026-03-28T23:00:00Z"), 300, onCall).toISOString()).toBe(
      "2026-03-29T04:00:00.000Z",
    );
    // + 360 min: 300 on Sunday, 60 on Monday from 08:00 CEST → 09:00 CEST.
    expect(addBusinessMinutes(new Date("2026-03-28T23:00:00Z"), 360, onCall).toISOString()).toBe(
      "2026-03-30T07:00:00.000Z",
    );
  });

  it("counts real minutes across the switch back to winter time (last Sunday of October)", () => {
    // 2026-10-25, Europe/Berlin: 03:00 CEST → 02:00 CET, so Sunday 00:00–06:00 is 7 hours long.
    const onCall = calendarWith({ "0": ["00:00", "06:00"], "1": ["08:00", "17:00"] });
    expect(addBusinessMinutes(new Date("2026-10-24T22:00:00Z"), 420, onCall).toISOString()).toBe(
      "2026-10-25T05:00:00.000Z",
    );
    expect(addBusinessMinutes(new Date("2026-10-24T22:00:00Z"), 421, onCall).toISOString()).toBe(
      "2026-10-26T07:01:00.000Z",
    );
    // Friday 2026-10-23 15:30 CEST + 60 → 30 min on Friday, Monday 26th 08:30 CET (07:30Z).
    expect(addBusinessMinutes(new Date("2026-10-23T13:30:00Z"), 60, berlin).toISOString()).toBe(
      "2026-10-26T07:30:00.000Z",
    );
  });

  it("computes a round-the-clock deadline across both switches as elapsed time", () => {
    const always = calendarWith(
      Object.fromEntries(["0", "1", "2", "3", "4", "5", "6"].map((d) => [d, ["00:00", "24:00"]])),
    );
    expect(
      addBusinessMinutes(new Date("2026-03-28T11:00:00Z"), 24 * 60, always).toISOString(),
    ).toBe("2026-03-29T11:00:00.000Z");
    expect(
      addBusinessMinutes(new Date("2026-10-24T11:00:00Z"), 24 * 60, always).toISOString(),
    ).toBe("2026-10-25T11:00:00.000Z");
  });

  it("refuses impossible calendars when they are parsed for saving", () => {
    const refused = [
      { hours: {} }, // no business hours at all: SLA could never be computed
      { hours: { "9": ["08:00", "17:00"] } },
      { hours: { "1": ["x", "y"] } },
      { hours: { "1": ["17:00", "08:00"] } },
      { hours: { "1": ["08:00", "08:00"] } },
      { hours: { "1": ["08:00", "25:00"] } },
      { timeZone: "Mars/Olympus_Mons", hours: { "1": ["08:00", "17:00"] } },
      { hours: { "1": ["08:00", "17:00"] }, holidays: ["2026-02-30"] },
    ];
    for (const calendar of refused) {
      expect(calendarSchema.safeParse(calendar).success, JSON.stringify(calendar)).toBe(false);
      expect(() => parseCalendar(calendar)).toThrow();
    }
    expect(parseCalendar(null)).toBeNull();
    expect(parseCalendar({ hours: { "1": ["08:00", "24:00"] } })?.timeZone).toBe("UTC");
  });
});

function calendarWith(hours: Record<string, string[]>) {
  return parseCalendar({ timeZone: "Europe/Berlin", hours });
}
