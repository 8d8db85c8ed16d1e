import { cloneElement, type ReactElement, type ReactNode } from "react";

/**
 * A labelled control with an optional hint and its errors, tied to the control
 * by aria-describedby so a screen reader reads them with the field.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string[];
  children: ReactElement<Record<string, unknown>>;
}) {
  const errors = error?.filter(Boolean) ?? [];
  const describedBy = [hint ? `${id}-hint` : "", errors.length ? `${id}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {cloneElement(children, {
        "aria-invalid": errors.length ? true : undefined,
        "aria-describedby": describedBy || undefined,
      })}
      {errors.length > 0 && (
        <div id={`${id}-error`} className="space-y-0.5 text-sm text-red-700 dark:text-red-400">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      )}
    </div>
  );
}
