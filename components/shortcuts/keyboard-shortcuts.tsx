"use client";

import { useEffect, useRef } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import {
  neighbourTicket,
  rememberTicketList,
  ticketNumbersIn,
  zoomNumber,
} from "./ticket-list-memory";

/**
 * The agent area's shortcuts (issue 16): j/k next/previous ticket (in a list:
 * move the focus; in a ticket: open the neighbour in the last list seen),
 * r reply, n note, c close, / search, ? this help. A page offers an action by
 * marking its control `data-shortcut="reply|note|close|search"`; a shortcut
 * with no such control on the page does nothing. Keys typed into a field, or
 * with Ctrl/Alt/Meta, are never taken.
 */
export const SHORTCUTS = ["next", "previous", "reply", "note", "close", "search", "help"] as const;
const KEYS: Record<string, (typeof SHORTCUTS)[number]> = {
  j: "next",
  k: "previous",
  r: "reply",
  n: "note",
  c: "close",
  "/": "search",
  "?": "help",
};

function isTyping(target: EventTarget | null) {
  const el = target as HTMLElement | null;
  return (
    !!el &&
    (el.isContentEditable ||
      ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName) ||
      el.closest("dialog[open]:not([data-shortcuts-help])") !== null)
  );
}

function activate(name: string) {
  const el = document.querySelector<HTMLElement>(`[data-shortcut="${name}"]`);
  if (!el) return false;
  el.scrollIntoView({ block: "center" });
  if (el instanceof HTMLDetailsElement) el.open = true;
  const focusable = el.matches("input, textarea, select, button, a[href], summary")
    ? el
    : el.querySelector<HTMLElement>("textarea, input:not([type=hidden]), select, button, summary");
  if (el.tagName === "A" || el.tagName === "BUTTON" || el.tagName === "SUMMARY") el.click();
  focusable?.focus();
  return true;
}

export function KeyboardShortcuts() {
  const t = useTranslations("shortcuts");
  const router = useRouter();
  const pathname = usePathname();
  const help = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const main = document.getElementById("main");
    if (main && !zoomNumber(pathname)) rememberTicketList(ticketNumbersIn(main));
  }, [pathname]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const action = KEYS[event.key];
      if (!action) return;
      if (action === "help") {
        event.preventDefault();
        if (help.current?.open) help.current.close();
        else help.current?.showModal();
        return;
      }
      if (action === "next" || action === "previous") {
        const step = action === "next" ? 1 : -1;
        const current = zoomNumber(pathname);
        if (current) {
          const target = neighbourTicket(current, step);
          if (target) {
            event.preventDefault();
            router.push(`/agent/tickets/${target}`);
          }
          return;
        }
        const links = [
          ...document.querySelectorAll<HTMLAnchorElement>("#main a[href^='/agent/tickets/']"),
        ].filter((a) => zoomNumber(new URL(a.href).pathname));
        if (links.length === 0) return;
        event.preventDefault();
        const index = links.indexOf(document.activeElement as HTMLAnchorElement);
        const next = index < 0 ? (step === 1 ? 0 : links.length - 1) : index + step;
        links[Math.max(0, Math.min(links.length - 1, next))].focus();
        return;
      }
      if (activate(action)) event.preventDefault();
      else if (action === "search") {
        event.preventDefault();
        router.push("/agent/search");
      }
    }
    window.addEventListener("keydown", onKey);
    // Says which page the keys now act on (browser tests wait for it after a navigation).
    document.documentElement.dataset.shortcuts = pathname;
    return () => {
      window.removeEventListener("keydown", onKey);
      delete document.documentElement.dataset.shortcuts;
    };
  }, [pathname, router]);

  const rows: [string, (typeof SHORTCUTS)[number]][] = [
    ["j", "next"],
    ["k", "previous"],
    ["r", "reply"],
    ["n", "note"],
    ["c", "close"],
    ["/", "search"],
    ["?", "help"],
  ];
  return (
    <>
      <button
        type="button"
        onClick={() => help.current?.showModal()}
        title={t("hint")}
        aria-label={t("title")}
        className="fixed right-3 bottom-3 hidden h-8 w-8 rounded-full border border-zinc-300 bg-white text-sm font-semibold shadow-sm sm:block print:hidden dark:border-zinc-700 dark:bg-zinc-900"
      >
        ?
      </button>
      <dialog
        ref={help}
        data-shortcuts-help
        aria-labelledby="shortcuts-title"
        className="m-auto w-full max-w-sm rounded-lg border border-zinc-300 bg-white p-4 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <h2 id="shortcuts-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {rows.map(([key, name]) => (
            <div key={name} className="contents">
              <dt>
                <kbd className="rounded border border-zinc-300 px-1.5 font-mono dark:border-zinc-600">
                  {key}
                </kbd>
              </dt>
              <dd>{t(name)}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-4 text-right">
          <button className="rounded px-3 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
            {t("closeHelp")}
          </button>
        </form>
      </dialog>
    </>
  );
}
