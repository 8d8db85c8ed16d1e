import type { UseFormRegisterReturn } from "react-hook-form";
import { useTranslations } from "next-intl";
import { acceptAttribute } from "@/lib/portal/attachment-policy";
import { megabytes } from "@/lib/portal/field-errors";
import type { AttachmentLimits } from "@/lib/portal/schemas";
import { FormField } from "./form-field";

/**
 * The file input of the request and follow-up forms: limits and allowed types
 * as a hint and as `accept` (the attachment policy), field errors, and — after a rejected submission — the files to choose again
 * (browsers cannot refill a file input).
 */
export function AttachmentsField({
  id,
  limits,
  errors = [],
  reselect,
  registration,
}: {
  id: string;
  limits: AttachmentLimits;
  errors?: string[];
  reselect: string[];
  registration: UseFormRegisterReturn;
}) {
  const t = useTranslations("portal");
  return (
    <FormField
      id={id}
      label={t("request.attachments")}
      hint={`${t("request.attachmentsHint", {
        max: limits.maxCount,
        maxMegabytes: megabytes(limits.maxBytes),
      })} ${t("request.attachmentsTypes", {
        types: limits.extensions.map((ext) => `.${ext}`).join(", "),
      })}`}
      error={[
        ...errors,
        ...(reselect.length ? [t("request.reselect", { files: reselect.join(", ") })] : []),
      ]}
    >
      <input
        id={id}
        type="file"
        multiple
        accept={acceptAttribute(limits.extensions)}
        className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-zinc-100 file:px-3 file:py-2 file:text-sm file:font-medium hover:file:bg-zinc-200 dark:file:bg-zinc-800 dark:file:text-zinc-100"
        {...registration}
      />
    </FormField>
  );
}
