/**
 * How long the deadline badge stays true. The deadline check runs every minute from an alarm,
 * and nearly every run finds what the one before found: no case has turned due soon, been
 * breached or come within the warning lead time since. From the queue it has just evaluated, this
 * says until when that holds: the earliest instant at which any open case changes state or
 * enters the warning window (capped, so a schedule is never trusted for long). Until then the
 * background sets the badge from the schedule without opening the database or a calendar.
 */
import type { QueueItem } from '../case-view';

/** A schedule is trusted at most this long, whatever the deadlines say. */
export const BADGE_SCHEDULE_MAX_MS = 15 * 60_000;

export interface BadgeFace {
  text: string;
  color: string;
  title: string;
}

export interface BadgeSchedule extends BadgeFace {
  format: 1;
  computedAt: number;
  /** The first instant the badge or a warning may differ from what was computed. */
  validUntil: number;
  /** A team lead's install: the minute's check also looks for unowned team cases about to breach. */
  lead?: true;
}

export function badgeFace(breached: number, dueSoon: number): BadgeFace {
  const count = breached + dueSoon;
  return {
    text: count > 0 ? String(count) : '',
    color: breached > 0 ? '#cf222e' : '#9a6700',
    title: count > 0 ? `Caseline: ${breached} breached, ${dueSoon} due soon` : 'Caseline: nothing due soon',
  };
}

/** Until when the queue's states (and the warnings due) stay as they are at `now`. */
export function badgeValidUntil(items: readonly QueueItem[], leadMinutes: number, now: number): number {
  let until = now + BADGE_SCHEDULE_MAX_MS;
  const later = (iso: string | undefined) => {
    if (iso === undefined) return;
    const at = Date.parse(iso);
    if (Number.isFinite(at) && at > now && at < until) until = at;
  };
  for (const item of items) {
    if (item.state === 'breached' || item.nextDueAt === undefined) continue;
    later(item.nextDueSoonAt);
    later(item.nextDueAt);
    const warnAt = Date.parse(item.nextDueAt) - leadMinutes * 60_000;
    if (Number.isFinite(warnAt)) later(new Date(warnAt).toISOString());
  }
  return until;
}

/** The schedule's badge (and whether it is a lead's), if the schedule still holds at `now` (and the clock has not gone back). */
export function scheduledFace(schedule: unknown, now: number): (BadgeFace & { lead: boolean }) | undefined {
  if (schedule === null || typeof schedule !== 'object') return undefined;
  const s = schedule as Partial<BadgeSchedule>;
  if (s.format !== 1 || typeof s.computedAt !== 'number' || typeof s.validUntil !== 'number') return undefined;
  if (typeof s.text !== 'string' || typeof s.color !== 'string' || typeof s.title !== 'string') return undefined;
  if (now < s.computedAt || now >= s.validUntil || s.validUntil - s.computedAt > BADGE_SCHEDULE_MAX_MS) return undefined;
  return { text: s.text, color: s.color, title: s.title, lead: s.lead === true };
}
