"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
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

/** What a portal form's upload route answers after a rejection (or a draft holds). */
export interface AttachmentFormState {
  fieldErrors?: FieldErrors;
  formError?: string;
  reselect?: string[];
}

/**
 * The wiring shared by the request and follow-up forms: validate in the
 * browser with the shared schema, then post the whole form (files included)
 * with fetch to its upload route (`endpoint`), which answers JSON: where to go
 * on success, or the errors. Merges browser and server errors and names the
 * files to choose again after a rejection. Without JavaScript the form posts
 * natively to the same route, which redirects back with a draft (initialState).
 */
export function useAttachmentForm<
  TValues extends FieldValues,
  TParsed extends FieldValues,
>(options: {
  resolver: Resolver<TValues, unknown, TParsed>;
  defaultValues: DefaultValues<TValues>;
  initialState: AttachmentFormState;
  endpoint: string;
  limits: AttachmentLimits;
}) {
  const { limits, endpoint } = options;
  const t = useTranslations("portal.errors");
  const router = useRouter();
  const [state, setState] = useState<AttachmentFormState>(options.initialState);
  const [pending, setPending] = useState(false);
  const form = useForm<TValues, unknown, TParsed>({
    resolver: options.resolver,
    defaultValues: options.defaultValues,
    mode: "onTouched",
  });
  const chosen = useWatch({ control: form.control, name: "attachments" as never }) as unknown as
    FileList | undefined;
  // A refused file is reported as soon as it is chosen, before anything is uploaded.
  useEffect(() => {
    if (chosen?.length) void form.trigger("attachments" as never);
  }, [chosen, form]);
  const errors = clientFieldErrors(
    form.formState.errors as FormErrors,
    state.fieldErrors,
    t,
    limits,
    chosen,
  );
  const hasErrors = Object.keys(errors).length > 0 || !!state.formError;
  const reselect = state.reselect?.length && !chosen?.length ? state.reselect : [];

  const send = async (element: HTMLFormElement, data: FormData) => {
    setPending(true);
    try {
      const res = await fetch(endpoint, {
        method: "POST",
        body: data,
        headers: { accept: "application/json" },
      });
      const answer = (await res.json().catch(() => ({}))) as AttachmentFormState & {
        location?: string;
      };
      if (answer.location) {
        if (res.ok) {
          element.reset();
          form.reset();
          setState({});
        }
        router.push(answer.location);
        router.refresh();
        return;
      }
      setState(answer.formError || answer.fieldErrors ? answer : { formError: t("generic") });
    } catch {
      setState({ formError: t("generic") });
    } finally {
      setPending(false);
    }
  };

  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    // Read the form (files included) now; the shared schema then decides whether it goes out.
    const element = event.currentTarget;
    const data = withoutEmptyFiles(new FormData(element));
    return form.handleSubmit(() => send(element, data))(event);
  };
  return { form, errors, hasErrors, reselect, onSubmit, pending, state };
}
