/**
 * Background alarms for deadlines: the toolbar badge counts cases breached or due soon, and a
 * notification warns once per deadline when it comes within the configured lead time. Raised by
 * alarms (they survive the service worker stopping), never by content-script timers.
 */
import { browser } from 'wxt/browser';
import type { CaseDesk } from '../desk/case-desk';
import type { CaselineSettings } from '../settings/settings';
import type { CaselineDb } from '../db/schema';
import { entryIsAbout, readNotified, writeNotified } from '../db/notified-deadlines';
import { badgeFace, badgeValidUntil, scheduledFace, type BadgeFace, type BadgeSchedule } from '../desk/badge-schedule';
import { STORAGE_KEYS } from './storage-keys';

export const SLA_ALARM = 'caseline-sla-check';
const SCHEDULE_KEY = STORAGE_KEYS.badgeSchedule.key;

/** Bumped by every change that may move a deadline: a check that began before one does not store its schedule. */
let generation = 0;

/**
 * Something that may move a deadline changed (a case event, settings, the team's policy, an
 * import, an erasure): the stored schedule no longer holds; the next check evaluates the queue.
 */
export async function forgetBadgeSchedule(): Promise<void> {
  generation += 1;
  await browser.storage.session.remove(SCHEDULE_KEY).catch(() => undefined);
}

/**
 * The alarm's quick path: while the schedule the last full check stored still holds, the badge is
 * set from it and nothing else is due (no case changed state, no warning came due). Returns
 * undefined when a full check is needed, else whether the install is a lead's (whose minute also
 * looks at the team's unowned cases).
 */
export async function checkDeadlinesFromSchedule(now = Date.now()): Promise<{ lead: boolean } | undefined> {
  const stored: Record<string, unknown> = await browser.storage.session.get(SCHEDULE_KEY).catch(() => ({}));
  const face = scheduledFace(stored[SCHEDULE_KEY], now);
  if (!face) return undefined;
  await showBadge(face);
  return { lead: face.lead };
}

async function showBadge(face: BadgeFace): Promise<void> {
  await browser.action.setBadgeText({ text: face.text });
  await browser.action.setBadgeBackgroundColor({ color: face.color });
  await browser.action.setTitle({ title: face.title });
}

/**
 * A subject as the system's notification shows it: the page wrote it, so direction overrides,
 * invisible characters and control characters are taken out (they could make the notification
 * read as something else), spaces are collapsed and it is cut to `max` characters.
 */
export function plainLine(text: string, max: number): string {
  let plain = '';
  for (const ch of text) plain += hiddenOrControl(ch.codePointAt(0)!) ? ' ' : ch;
  plain = plain.replace(/\s+/g, ' ').trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/** Control characters, direction marks and overrides, zero-width and other invisible characters. */
function hiddenOrControl(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0xad ||
    c === 0x061c ||
    c === 0x115f ||
    c === 0x1160 ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) ||
    c === 0x3164 ||
    (c >= 0xfe00 && c <= 0xfe0f) ||
    c === 0xfeff ||
    c === 0xffa0
  );
}

/**
 * The deadline check every minute. Made only when missing: the worker starts again for every
 * event, and making it anew each time would move the next check on every wake.
 */
export async function scheduleDeadlineChecks(): Promise<void> {
  await ensureAlarm(SLA_ALARM, { periodInMinutes: 1, delayInMinutes: 0.1 });
}

/** Creates an alarm unless one of that name is already set (alarms outlive the worker). */
export async function ensureAlarm(name: string, info: { periodInMinutes?: number; delayInMinutes?: number }): Promise<void> {
  if (await browser.alarms.get(name).catch(() => undefined)) return;
  await browser.alarms.create(name, info);
}

export async function checkDeadlines(desk: CaseDesk, settings: CaselineSettings, db: CaselineDb): Promise<{ badge: number }> {
  const began = generation;
  const now = Date.now();
  const { breached, dueSoon, upcoming, items } = await desk.attention(settings.notifications.leadMinutes);
  const count = breached.length + dueSoon.length;
  const face = badgeFace(breached.length, dueSoon.length);
  await showBadge(face);
  if (settings.notifications.enabled) {
    const notified = new Set(await readNotified(db));
    const before = notified.size;
    for (const item of upcoming) {
      const key = `${item.caseId}@${item.nextDueAt}`;
      if (notified.has(key)) continue;
      notified.add(key);
      await browser.notifications.create(key, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: `Due soon: ${plainLine(item.subject, 80) || 'a customer case'}`,
        message: `${item.nextTarget ?? 'Next deadline'} due ${new Date(item.nextDueAt ?? '').toLocaleString()}${item.reference ? ` (${plainLine(item.reference, 40)})` : ''}.`,
        priority: 1,
      });
    }
    if (notified.size !== before) await writeNotified(db, [...notified]);
  }
  if (began === generation) {
    const schedule: BadgeSchedule = {
      format: 1,
      computedAt: now,
      validUntil: badgeValidUntil(items, settings.notifications.leadMinutes, now),
      ...face,
      ...(settings.role === 'lead' ? { lead: true as const } : {}),
    };
    await browser.storage.session.set({ [SCHEDULE_KEY]: schedule }).catch(() => undefined);
  }
  return { badge: count };
}

/**
 * Erasure: the notifications on screen, for some cases or (`'all'`) for every case. Their ids
 * are `<case id>@<due time>`; the list of those already shown is in the database, erased with it.
 */
export async function forgetDeadlineAlerts(caseIds: readonly string[] | 'all'): Promise<void> {
  const about = caseIds === 'all' ? () => true : (id: string) => entryIsAbout(id, new Set(caseIds));
  const shown = Object.keys(await browser.notifications.getAll());
  await Promise.all(shown.filter(about).map((id) => browser.notifications.clear(id)));
}

/** Erasure: the toolbar badge and its title as on a fresh install. */
export async function clearBadge(): Promise<void> {
  await forgetBadgeSchedule();
  const idle = badgeFace(0, 0);
  await browser.action.setBadgeText({ text: idle.text });
  await browser.action.setTitle({ title: idle.title });
}
