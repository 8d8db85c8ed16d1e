"use client";

import { useTransition } from "react";
import {
  useForm,
  useWatch,
  type DefaultValues,
  type FieldErrors as FormErrors,
  type FieldValues,
  type Resolver,
} from "react-hook-form";
import { useTranslations } from "next-intl";
import { clientFieldErrors, withoutEmptyFiles } from "@/lib/portal/client-errors";
import type { FieldErrors } from "@/lib/portal/field-errors";
import type { AttachmentLimits } from "@/lib/portal/schemas";

/** What a portal form's server action answers after a rejection. */
export interface AttachmentFormState {
  fieldErrors?: FieldErrors;
  formError?: string;
  reselect?: string[];
}

/**
 * The wiring shared by the request and follow-up forms: validate in the
 * browser with the shared schema, then post the whole form (files included)
 * to the server action; merge browser and server errors; name the files to
 * choose again after a rejection. Without JavaScript the form posts natively.
 */
export function useAttachmentForm<
  TValues extends FieldValues,
  TParsed extends FieldValues,
>(options: {
  resolver: Resolver<TValues, unknown, TParsed>;
  defaultValues: DefaultValues<TValues>;
  state: AttachmentFormState;
  action: (data: FormData) => void;
  limits: AttachmentLimits;
}) {
  const { state, action, limits } = options;
  const t = useTranslations("portal.errors");
  const [, startTransition] = useTransition();
  const form = useForm<TValues, unknown, TParsed>({
    resolver: options.resolver,
    defaultValues: options.defaultValues,
    mode: "onTouched",
  });
  const chosen = useWatch({ control: form.control, name: "attachments" as never }) as unknown as
    FileList | undefined;
  const errors = clientFieldErrors(
    form.formState.errors as FormErrors,
    state.fieldErrors,
    t,
    limits,
    chosen,
  );
  const hasErrors = Object.keys(errors).length > 0 || !!state.formError;
  const reselect = state.reselect?.length && !chosen?.length ? state.reselect : [];
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Read the form (files included) now; the shared schema then decides whether it goes out.
    const data = withoutEmptyFiles(new FormData(event.currentTarget));
    return form.handleSubmit(() => startTransition(() => action(data)))(event);
  };
  return { form, errors, hasErrors, reselect, onSubmit };
}
