"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** Choose one of the queue's standard responses (variables already filled) and insert it. */
export function StandardResponsePicker({
  responses,
  onInsert,
}: {
  responses: { id: number; name: string; text: string }[];
  onInsert: (text: string) => void;
}) {
  const t = useTranslations("standardResponses");
  const [chosen, setChosen] = useState("");
  if (!responses.length)
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("none")}</p>;
  const response = responses.find((r) => String(r.id) === chosen);
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="min-w-64 space-y-1">
        <label htmlFor="reply-standard-response" className="block text-sm font-medium">
          {t("label")}
        </label>
        <select
          id="reply-standard-response"
          value={chosen}
          onChange={(e) => setChosen(e.target.value)}
          className={inputClass}
        >
          <option value="">{t("choose")}</option>
          {responses.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <Button
        type="button"
        variant="secondary"
        disabled={!response}
        onClick={() => response && onInsert(response.text)}
      >
        {t("insert")}
      </Button>
    </div>
  );
}
