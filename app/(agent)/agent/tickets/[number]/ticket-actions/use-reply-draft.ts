"use client";

import { useEffect, useRef, useState } from "react";
import type { ReplyDraftInput } from "@/lib/tickets/schemas";
import { saveReplyDraftAction } from "./actions";

/**
 * Keeps the reply being written on the server (per agent and ticket) a second after the
 * last keystroke, so it is there again when the agent comes back. `cancel` stops a pending
 * save (the reply was sent, and sending deleted the draft).
 */
export function useReplyDraft(values: ReplyDraftInput, isDirty: boolean) {
  const [savedKey, setSavedKey] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const key = JSON.stringify(values);
  useEffect(() => {
    if (!isDirty) return;
    timer.current = setTimeout(() => {
      void saveReplyDraftAction(JSON.parse(key)).then((result) => result.ok && setSavedKey(key));
    }, 1000);
    return () => clearTimeout(timer.current);
  }, [key, isDirty]);
  return { saved: savedKey === key, cancel: () => clearTimeout(timer.current) };
}
