import { RUN_ID } from '../../harness/config/run';

/**
 * A live account holds other data, so list and paging checks look at a stretch of time of their own, far in
 * the future: this worker's window, derived from the run id (and the worker, as workers of one run may share
 * a pinned CONFORMANCE_RUN_ID), split into slots of ten minutes, one per test. Nothing but this worker's
 * sessions starts in a slot, so a list filtered to it must hold exactly what the test created there.
 */
const WINDOW_EPOCH_MS = Date.UTC(2070, 0, 1);
const WINDOW_SPAN_MINUTES = 30 * 365 * 24 * 60;
const SLOT_MS = 10 * 60_000;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const WORKER_KEY = `${RUN_ID}/${process.pid}/${Date.now()}`;
const RUN_WINDOW_START_MS = WINDOW_EPOCH_MS + (fnv1a(WORKER_KEY) % WINDOW_SPAN_MINUTES) * 60_000;

export interface Slot {
  readonly startMs: number;
  /** Last second of the slot. */
  readonly endMs: number;
  /** A moment `offsetMs` into the slot. */
  at(offsetMs: number): number;
}

let slotsTaken = 0;

/** A slot no other test of this worker has used. */
export function freshSlot(): Slot {
  const startMs = RUN_WINDOW_START_MS + slotsTaken++ * SLOT_MS;
  return { startMs, endMs: startMs + SLOT_MS - 1_000, at: (offsetMs) => startMs + offsetMs };
}

/** RFC 3339 in UTC, without milliseconds when they are zero (the times we send are whole seconds). */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** A session name that says which run made it. */
export function runName(label: string): string {
  return `session-conformance ${RUN_ID} ${label}`;
}

/** The list query for sessions starting within a slot. */
export function slotQuery(slot: Slot): { start_time: string; end_time: string } {
  return { start_time: iso(slot.startMs), end_time: iso(slot.endMs) };
}
