"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useFormatter, useTranslations } from "next-intl";
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { applyBulkAction, moveTicketAction } from "@/app/(agent)/agent/queues/actions";
import { BulkActions } from "@/components/tickets/bulk-actions";
import type { BulkOptions } from "@/lib/queue-view/bulk-options";
import type { QueueTicketRow } from "@/lib/queue-view/list-queue-tickets";

type Row = Omit<QueueTicketRow, "owner"> & { owner: { id: number; name: string } | null };

interface QueueTableProps {
  tickets: Row[];
  /** Re-ordering is offered in the manual order of one queue, to agents who may write it. */
  canReorder: boolean;
  bulkOptions: BulkOptions;
  now: Date;
}

/**
 * The queue view's ticket list: selection for bulk actions, take-over of unattended
 * tickets, and (manual order) drag and drop plus keyboard-accessible move up/down —
 * each move is saved as "put A before/after B" and seen by every agent of the queue.
 */
export function QueueTable({ tickets, canReorder, bulkOptions, now }: QueueTableProps) {
  const t = useTranslations("queueView");
  const router = useRouter();
  const [rows, setRows] = useState(tickets);
  const [selected, setSelected] = useState<number[]>([]);
  const [announce, setAnnounce] = useState("");
  // One change at a time: a move waits for the previous one (and its fresh rows).
  const [isPending, startTransition] = useTransition();
  // New rows from the server (after a move, a bulk action, a colleague's change) replace
  // the optimistic order: the "adjust state when a prop changes" pattern, no effect.
  const [shown, setShown] = useState(tickets);
  if (shown !== tickets) {
    setShown(tickets);
    setRows(tickets);
  }
  const selectedIds = selected.filter((id) => rows.some((r) => r.id === id));
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const numberOf = (id: unknown) => rows.find((r) => r.id === id)?.number ?? "";

  function move(ticketId: number, targetId: number, place: "before" | "after") {
    setRows((current) => {
      const rest = current.filter((r) => r.id !== ticketId);
      const at = rest.findIndex((r) => r.id === targetId) + (place === "after" ? 1 : 0);
      return [...rest.slice(0, at), current.find((r) => r.id === ticketId)!, ...rest.slice(at)];
    });
    startTransition(async () => {
      const result = await moveTicketAction({ ticketId, targetId, place });
      if (result.ok) setAnnounce(t("moved"));
      router.refresh();
    });
  }

  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = rows.findIndex((r) => r.id === active.id);
    const to = rows.findIndex((r) => r.id === over.id);
    move(Number(active.id), Number(over.id), from > to ? "before" : "after");
  }

  function takeOver(ticketId: number) {
    startTransition(async () => {
      await applyBulkAction({ action: "take_over", ticketIds: [ticketId] });
      router.refresh();
    });
  }

  const allSelected = rows.length > 0 && selectedIds.length === rows.length;
  return (
    <div className="space-y-4">
      <BulkActions selectedIds={selectedIds} options={bulkOptions} now={now} />
      <p className="sr-only" role="status">
        {announce}
      </p>
      <DndContext
        // A fixed id: dnd-kit's generated ids would differ between server and browser render.
        id="queue-order"
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t("dragInstructions") },
          announcements: {
            onDragStart: ({ active }) => t("dragStart", { number: numberOf(active.id) }),
            onDragOver: ({ active, over }) =>
              over ? t("dragOver", { number: numberOf(active.id), target: numberOf(over.id) }) : "",
            onDragEnd: ({ active }) => t("dragEnd", { number: numberOf(active.id) }),
            onDragCancel: ({ active }) => t("dragCancel", { number: numberOf(active.id) }),
          },
        }}
      >
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th className="py-2 pr-2">
                  <input
                    type="checkbox"
                    aria-label={t("selectAll")}
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? [] : rows.map((r) => r.id))}
                  />
                </th>
                {canReorder && <th className="py-2 pr-2 font-medium">{t("order")}</th>}
                <th className="py-2 pr-3 font-medium">{t("number")}</th>
                <th className="py-2 pr-3 font-medium">{t("title")}</th>
                <th className="py-2 pr-3 font-medium">{t("customer")}</th>
                <th className="py-2 pr-3 font-medium">{t("queue")}</th>
                <th className="py-2 pr-3 font-medium">{t("state")}</th>
                <th className="py-2 pr-3 font-medium">{t("priority")}</th>
                <th className="py-2 pr-3 font-medium">{t("owner")}</th>
                <th className="py-2 pr-3 font-medium">{t("age")}</th>
                <th className="py-2 font-medium">{t("escalation")}</th>
              </tr>
            </thead>
            <SortableContext items={rows.map((r) => r.id)} strategy={verticalListSortingStrategy}>
              <tbody>
                {rows.map((row, i) => (
                  <QueueRow
                    key={row.id}
                    row={row}
                    now={now}
                    canReorder={canReorder}
                    isSelected={selectedIds.includes(row.id)}
                    onSelect={(on) =>
                      setSelected((ids) =>
                        on ? [...ids, row.id] : ids.filter((id) => id !== row.id),
                      )
                    }
                    onMoveUp={
                      i > 0 && !isPending ? () => move(row.id, rows[i - 1].id, "before") : undefined
                    }
                    onMoveDown={
                      i < rows.length - 1 && !isPending
                        ? () => move(row.id, rows[i + 1].id, "after")
                        : undefined
                    }
                    onTakeOver={() => takeOver(row.id)}
                  />
                ))}
              </tbody>
            </SortableContext>
          </table>
        </div>
      </DndContext>
    </div>
  );
}

function QueueRow(props: {
  row: Row;
  now: Date;
  canReorder: boolean;
  isSelected: boolean;
  onSelect: (on: boolean) => void;
  onMoveUp?: () => void;
  onMoveDown?: () => void;
  onTakeOver: () => void;
}) {
  const { row, now } = props;
  const t = useTranslations("queueView");
  const states = useTranslations("states");
  const priorities = useTranslations("zoom.priorities");
  const format = useFormatter();
  const { attributes, listeners, setNodeRef, transform, transition } = useSortable({
    id: row.id,
    disabled: !props.canReorder,
  });
  // dnd-kit moves rows with a transform in the style attribute (style-src allows it: proxy.ts).
  const style = { transform: CSS.Translate.toString(transform), transition };
  const escalated = row.escalationDueAt && row.escalationDueAt < now;
  const button =
    "rounded border border-zinc-300 px-1.5 leading-5 hover:bg-zinc-100 disabled:opacity-30 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <tr
      ref={setNodeRef}
      style={style}
      data-ticket={row.number}
      className="border-b border-zinc-100 bg-white dark:border-zinc-900 dark:bg-zinc-950"
    >
      <td className="py-2 pr-2">
        <input
          type="checkbox"
          aria-label={t("select", { number: row.number })}
          checked={props.isSelected}
          onChange={(e) => props.onSelect(e.target.checked)}
        />
      </td>
      {props.canReorder && (
        <td className="whitespace-nowrap py-2 pr-2">
          <button
            type="button"
            className={`${button} cursor-grab`}
            aria-label={t("dragHandle", { number: row.number })}
            {...attributes}
            {...listeners}
          >
            ⠿
          </button>{" "}
          <button
            type="button"
            className={button}
            aria-label={t("moveUp", { number: row.number })}
            disabled={!props.onMoveUp}
            onClick={props.onMoveUp}
          >
            ↑
          </button>{" "}
          <button
            type="button"
            className={button}
            aria-label={t("moveDown", { number: row.number })}
            disabled={!props.onMoveDown}
            onClick={props.onMoveDown}
          >
            ↓
          </button>
        </td>
      )}
      <td className="py-2 pr-3 font-mono">{row.number}</td>
      <td className="py-2 pr-3">
        <Link
          href={`/agent/tickets/${row.number}`}
          className="text-blue-700 hover:underline dark:text-blue-400"
        >
          {row.title}
        </Link>
      </td>
      <td className="py-2 pr-3">{row.customer.name || row.customer.email}</td>
      <td className="py-2 pr-3">{row.queue.name}</td>
      <td className="py-2 pr-3">{states(row.state)}</td>
      <td className="py-2 pr-3">{priorities(String(row.priority) as "1")}</td>
      <td className="py-2 pr-3">
        {row.owner?.name ?? "–"}
        {row.isOwnerAway && (
          <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-900 dark:text-amber-100">
            {t("away")}
          </span>
        )}
        {row.isUnattended && (
          <>
            {" "}
            <span className="rounded bg-zinc-200 px-1 text-xs dark:bg-zinc-800">
              {t("unattendedBadge")}
            </span>{" "}
            <button
              type="button"
              className={button}
              aria-label={t("takeOverTicket", { number: row.number })}
              onClick={props.onTakeOver}
            >
              {t("takeOver")}
            </button>
          </>
        )}
      </td>
      <td className="whitespace-nowrap py-2 pr-3">
        <time
          dateTime={row.createdAt.toISOString()}
          title={format.dateTime(row.createdAt, "short")}
        >
          {format.relativeTime(row.createdAt, now)}
        </time>
      </td>
      <td className="py-2">
        {row.escalationDueAt && (
          <span className={escalated ? "font-semibold text-red-700 dark:text-red-400" : ""}>
            {format.dateTime(row.escalationDueAt, "short")}
            {escalated && ` (${t("escalated")})`}
          </span>
        )}
      </td>
    </tr>
  );
}
