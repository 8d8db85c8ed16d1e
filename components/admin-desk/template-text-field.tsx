"use client";

import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { fillTemplate, type TemplateValues } from "@/lib/queues/template-variables";
import {
  renderStandardResponse,
  type StandardResponseValues,
} from "@/lib/standard-responses/render-standard-response";

/** Sample values: an auto-response's variables, or a standard response's (filled as the reply form does). */
export type TemplateSample =
  | { kind: "autoResponse"; values: TemplateValues }
  | { kind: "standardResponse"; values: StandardResponseValues };

/**
 * A textarea for a text with variables ({{customer.name}} …) and its live preview with
 * sample values, filled in the browser by the same function the mails (auto responses) or the
 * reply form (standard responses) use.
 */
export function TemplateTextField({
  id,
  name,
  label,
  hint,
  previewLabel,
  defaultValue,
  sample,
  error,
  rows = 6,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  previewLabel: string;
  defaultValue: string;
  sample: TemplateSample;
  error?: string;
  rows?: number;
}) {
  const [text, setText] = useState(defaultValue);
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        onChange={(event) => setText(event.target.value)}
        className={`${inputClass} font-mono`}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hint ? hintId : "", error ? errorId : ""].join(" ").trim() || undefined}
      />
      {hint && (
        <p id={hintId} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {text.trim() && (
        <figure className="rounded-md border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
          <figcaption className="mb-1 text-xs font-medium text-zinc-600 dark:text-zinc-400">
            {previewLabel}
          </figcaption>
          <pre className="whitespace-pre-wrap font-sans text-sm" data-testid={`${id}-preview`}>
            {sample.kind === "autoResponse"
              ? fillTemplate(text, sample.values)
              : renderStandardResponse(text, sample.values)}
          </pre>
        </figure>
      )}
    </div>
  );
}
