/**
 * One timer for every countdown in a tab: ticks each second while the tab is visible and once a
 * minute while it is hidden; stops when nothing listens.
 */
import { useEffect, useState } from 'preact/hooks';

type Listener = (now: number) => void;
const listeners = new Set<Listener>();
let timer: ReturnType<typeof setTimeout> | undefined;

function period(): number {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden' ? 60_000 : 1_000;
}

function tick() {
  timer = undefined;
  const now = Date.now();
  for (const l of listeners) l(now);
  schedule();
}

function schedule() {
  if (timer !== undefined || listeners.size === 0) return;
  const p = period();
  // Align to the next whole second (or minute) so all countdowns change together.
  timer = setTimeout(tick, p - (Date.now() % p) + 5);
}

function onVisibility() {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  if (listeners.size > 0) tick();
}

let visibilityBound = false;

export function subscribeTicker(listener: Listener): () => void {
  listeners.add(listener);
  if (!visibilityBound && typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', onVisibility);
    visibilityBound = true;
  }
  schedule();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** The current time, re-rendered by the shared ticker. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => subscribeTicker(setNow), []);
  return now;
}

/** For tests and benches: how many timers are pending (0 or 1). */
export function pendingTimers(): number {
  return timer === undefined ? 0 : 1;
}
