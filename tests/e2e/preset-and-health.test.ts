/**
 * The procedure chosen at onboarding drives the countdowns; and a mailbox layout the adapter
 * cannot read is said plainly in the sidebar, with diagnostics to copy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeInstallTab, GMAIL_HEADERS, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { inSidebar, onSidebar, sidebarText, waitForSidebar } from './support/sidebar-root';
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
  it('names the fact Caseline cannot find and copies a layout report with nothing of the mail in it', async () => {
    // A thread address whose page has Gmail's main column but none of the thread markup.
    const body =
      '<!doctype html><html lang="en"><body><div role="main" class="nH"><h1 class="zz">Something new from Quokkafen</h1>' +
      '<p data-ref="18f3a9c07d2e4b61">Private words of a customer, quokkafen@example.org</p></div></body></html>';
    const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrQkCtvnCwzBlbhRqPKxmGvR';
    await eb.browser.defaultBrowserContext().overridePermissions('https://mail.google.com', ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const page = await eb.openMailPage(url, () => ({ body, headers: GMAIL_HEADERS }));
    await page.bringToFront();
    const text = await sidebarText(page, '[data-testid="unreadable"]');
    expect(text).toContain('Caseline cannot read this conversation');
    expect(await sidebarText(page, '[data-testid="unreadable"] [data-fact="messages"]')).toBe("Caseline can't find the messages of this thread in this Gmail layout.");
    expect(await sidebarText(page, 'button.copy-report')).toBe('Copy a layout report');

    const button = await inSidebar(page, 'button.copy-report');
    await button.click();
    await button.dispose();
    // Copied to the clipboard, or (when the browser refuses) shown to copy by hand.
    const copiedOrShown = (root: ShadowRoot) => {
      const box = root.querySelector('textarea[data-testid="layout-report"]') as HTMLTextAreaElement | null;
      if (box) return `box:${box.value}`;
      const notice = root.querySelector('.notice')?.textContent ?? '';
      return notice.includes('copied') ? 'copied' : '';
    };
    await waitForSidebar(page, copiedOrShown, { timeout: 15_000 });
    const result = await onSidebar(page, copiedOrShown);
    const report = result === 'copied' ? await page.evaluate(() => navigator.clipboard.readText()) : result.slice(4);
    expect(report).toContain('Caseline layout report');
    expect(report).toContain('Host: gmail');
    expect(report).toMatch(/messages\s+—/);
    expect(report).toMatch(/div \[role=main\] \.nH/);
    for (const secret of ['Quokkafen', 'quokkafen', 'Private words', '18f3a9c07d2e4b61', 'FMfcgzQbdrQkCtvnCwzBlbhRqPKxmGvR', '@']) expect(report).not.toContain(secret);
    await page.close();
  });
});
