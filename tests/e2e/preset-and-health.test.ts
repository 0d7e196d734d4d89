/**
 * The procedure chosen at onboarding drives the countdowns; and a mailbox layout the adapter
 * cannot read is said plainly in the sidebar, with diagnostics to copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeInstallTab, GMAIL_HEADERS, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { inSidebar, sidebarText } from './support/sidebar-root';
import { openPage, sendFromPage } from './support/extension-pages';
import { demoMailbox } from '../../scripts/demo/demo-mailbox';
import { formatDueTime } from '../../utils/countdown/describe-countdown';
import { threadTimes } from '../../utils/practice';
import { settingsWithPreset } from '../../utils/settings/apply-preset';
import type { CaselineSettings } from '../../utils/settings/settings';
import { presetById } from '../../utils/sla/presets';

let eb: ExtensionBrowser;
beforeAll(async () => {
  eb = await launchWithExtension();
  await closeInstallTab(eb);
});
afterAll(async () => {
  await eb?.close();
});

describe('a preset chosen for the team', () => {
  it('sets the deadlines the sidebar counts down to (procedure 004: inquiries resolved within 24 hours)', async () => {
    const options = await openPage(eb, 'options.html');
    const current = await sendFromPage<CaselineSettings>(options, 'getSettings', {});
    if (!current.ok) throw new Error(current.error);
    const preset = presetById('sop-004')!;
    const saved = await sendFromPage<CaselineSettings>(options, 'saveSettings', { settings: { ...settingsWithPreset(current.value, preset), onboarded: true } });
    expect(saved.ok).toBe(true);
    expect(saved.ok && saved.value.policy.targets.inquiry.resolve).toMatchObject({ amount: 24, unit: 'hours', clock: 'calendar' });
    await options.close();

    const now = new Date();
    const mailbox = demoMailbox(now);
    const stop = mailbox.stops.find((s) => s.thread?.id === 'p16-saturday-delivery')!;
    const page = await eb.openMailPage(stop.url, mailbox.router);
    await page.bringToFront();
    await inSidebar(page, 'li.countdown[data-target="resolve"]', 20_000);
    const received = threadTimes(stop.thread!, now)[0]!.sentAt;
    const due = new Date(Date.parse(received) + 24 * 3600_000).toISOString();
    expect(await sidebarText(page, 'li.countdown[data-target="resolve"] .due')).toBe(`due ${formatDueTime(due, Intl.DateTimeFormat().resolvedOptions().timeZone)}`);
    expect(await sidebarText(page, '.facts')).toContain(preset.name);
    await page.close();
  });
});

describe('an unreadable layout', () => {
  it('is said plainly, with diagnostics that name selectors and no mail content', async () => {
    // A thread address whose page has Gmail's main column but none of the thread markup.
    const body = '<!doctype html><html><body><div role="main"><h1>Something new</h1><p>Private words of a customer</p></div></body></html>';
    const page = await eb.openMailPage('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrQkCtvnCwzBlbhRqPKxmGvR', () => ({ body, headers: GMAIL_HEADERS }));
    await page.bringToFront();
    const text = await sidebarText(page, '[data-testid="unreadable"]');
    expect(text).toContain('cannot read this layout');
    expect(text).toMatch(/Not found: .*subject/);
    await page.close();
  });
});
