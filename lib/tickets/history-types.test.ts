// Every history entry type is named in both languages in the ticket zoom (never the raw code).
import { describe, expect, it } from "vitest";
import { catalogueTranslator } from "../i18n/catalogue-translator";
import { HISTORY_TYPES } from "./history-types";

describe("history entry types", () => {
  it.each(["en", "de"] as const)("each has its own words in %s", (locale) => {
    const t = catalogueTranslator(locale, "UTC");
    for (const type of Object.keys(HISTORY_TYPES))
      expect(t("zoom.historyType", { type }), type).not.toBe(type);
  });
});
