import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GMAIL_HEADERS, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { onSidebar } from './support/sidebar-root';

const gmailPage = readFileSync('tests/fixtures/gmail/2025-message-view.html', 'utf8');
const outlookPage = readFileSync('tests/fixtures/outlook/2025-reading-pane-with-actions.html', 'utf8');

let eb: ExtensionBrowser;
beforeAll(async () => {
  eb = await launchWithExtension();
});
afterAll(async () => {
  await eb?.close();
});

const hostCount = 'document.querySelectorAll("caseline-sidebar").length';

describe.each([
  { name: 'Gmail', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbdrQkCtvnCwzBlbhRqPKxmGvR', page: gmailPage, headers: GMAIL_HEADERS },
  { name: 'Outlook', url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNjQ5', page: outlookPage, headers: {} },
])('sidebar host on $name', ({ url, page: body, headers }) => {
  it('mounts exactly once, with a shadow root closed to the page, and survives in-app navigation', async () => {
    const page = await eb.openMailPage(url, () => ({ body, headers }));
    await page.waitForSelector('caseline-sidebar', { timeout: 15_000 });
    expect(await page.evaluate(hostCount)).toBe(1);
    // Closed: the page gets null; the content script's world holds the root.
    expect(await page.evaluate('document.querySelector("caseline-sidebar").shadowRoot')).toBeNull();
    expect(await onSidebar(page, (root) => root.mode)).toBe('closed');

    // Hash change (Gmail style) and history change (Outlook style): no reload, no second host.
    await page.evaluate('location.hash = "#inbox/another"');
    await page.evaluate('history.pushState({}, "", "/mail/inbox/id/other-conversation")');
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.evaluate(hostCount)).toBe(1);
    expect(await onSidebar(page, (root) => root.textContent)).toContain('Caseline');
    await page.close();
  });
});
