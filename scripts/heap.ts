// How far V8 lets a long-running process's heap grow before a full garbage collection.
import v8 from "node:v8";

/** Heap growth allowed past the live size before the next full collection, in percent. */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Makes V8 collect once the heap has grown by HEAP_GROWING_PERCENT past what survived the
 * last full collection, instead of its default of up to four times that on a machine
 * with plenty of memory. A request's garbage then no longer piles up to hundreds of MB:
 * the server's peak RSS in the benchmark fell from 765–1,022 MiB to about 550 MiB at the
 * same throughput (BENCHMARKS.md, fourth round). Unlike `--max-old-space-size` it sets no
 * ceiling, so a large mail or export cannot crash the process on it.
 *
 * Set at run time because a V8 flag is not allowed in NODE_OPTIONS; V8 reads this one each
 * time it sets the next collection's limit (src/heap/heap-controller.cc), so it takes
 * effect from the first full collection on. A Node whose V8 lacks the flag prints
 * "unrecognized flag" and runs on as before.
 */
export function keepHeapSmall() {
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
