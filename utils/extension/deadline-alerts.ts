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

export const SLA_ALARM = 'caseline-sla-check';
const IDLE_TITLE = 'Caseline: nothing due soon';

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
  const { breached, dueSoon, upcoming } = await desk.attention(settings.notifications.leadMinutes);
  const count = breached.length + dueSoon.length;
  await browser.action.setBadgeText({ text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ color: breached.length > 0 ? '#cf222e' : '#9a6700' });
  await browser.action.setTitle({
    title: count > 0 ? `Caseline: ${breached.length} breached, ${dueSoon.length} due soon` : IDLE_TITLE,
  });
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
  await browser.action.setBadgeText({ text: '' });
  await browser.action.setTitle({ title: IDLE_TITLE });
}
