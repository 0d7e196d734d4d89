// @vitest-environment happy-dom
import { afterAll, describe, expect, it } from 'vitest';
import * as gmail from '../../../utils/mailbox/gmail';
import * as outlook from '../../../utils/mailbox/outlook';
import { ASSEMBLED_FIXTURES } from '../../fixtures/build/write-fixtures';
import { REAL_FIXTURES } from '../../fixtures/build/real-fragments';
import { loadFixture, type LoadedPage } from './load-page';
import { adapterForUrl } from '../../../utils/mailbox/adapter-for-url';

const opened: LoadedPage[] = [];
afterAll(async () => {
  for (const page of opened) await page.close();
});

const all = [...Object.values(REAL_FIXTURES), ...Object.values(ASSEMBLED_FIXTURES)];

describe('health on every fixture agrees with the readers', () => {
  it.each(all)('%s', (path) => {
    const url = path.startsWith('gmail/') ? 'https://mail.google.com/mail/u/0/#inbox' : 'https://outlook.office.com/mail/inbox';
    const page = loadFixture(path, url);
    opened.push(page);
    const adapter = path.startsWith('gmail/') ? gmail : outlook;
    const diagnosis = adapter.health(page.document, { url });
    const thread = adapter.readThread(page.document, { url });
    // Not ok exactly when the thread cannot be read (or, on Gmail, a sender is missing).
    expect(diagnosis.ok).toBe(thread !== null && (path.startsWith('outlook/') || thread.messages.every((m) => m.from.email || m.from.name)));
    for (const fact of diagnosis.missing) expect(diagnosis.facts[fact]?.missing ?? 1).toBeGreaterThan(0);
    for (const status of Object.values(diagnosis.facts)) {
      expect(status!.found + status!.missing).toBeGreaterThan(0);
      for (const name of status!.answeredBy) expect([...status!.tried, 'remembered']).toContain(name);
    }
    expect(Object.values(diagnosis.counts).every((n) => Number.isInteger(n) && n >= 0)).toBe(true);
  });

  it('diagnostics carry selector and strategy names and numbers only, no mail content', () => {
    const page = loadFixture(ASSEMBLED_FIXTURES.gmailThread, 'https://mail.google.com/mail/u/0/#inbox');
    opened.push(page);
    const text = JSON.stringify(gmail.health(page.document));
    expect(text).not.toMatch(/@|Riya|OFSS|198c/);
    expect(Object.keys(gmail.health(page.document).counts).every((name) => name in gmail.gmailSelectors)).toBe(true);
  });
});

describe('adapterForUrl', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://outlook.office.com/mail/', 'outlook'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://outlook.cloud.microsoft/mail/', 'outlook'],
    ['https://example.com/', undefined],
    ['nonsense', undefined],
  ])('%s → %s', (url, host) => {
    expect(adapterForUrl(url)?.host).toBe(host);
  });
});
