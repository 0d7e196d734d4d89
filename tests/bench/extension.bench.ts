/**
 * Figures of the built extension itself: content-script bundle sizes per host (raw and gzipped)
 * and the time from document idle to the sidebar mounted on the Gmail fixture, in Chromium.
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { GMAIL_HEADERS, launchWithExtension } from '../e2e/support/launch-browser';
import { median } from './statistics';
import type { Bench, BenchResult } from './types';

export default (async () => {
  const results: BenchResult[] = [];
  for (const host of ['gmail', 'outlook']) {
    const file = `.output/chrome-mv3/content-scripts/${host}.js`;
    const raw = statSync(file).size;
    const gz = gzipSync(readFileSync(file), { level: 9 }).length;
    results.push({ name: `content script ${host}: raw`, value: raw / 1024, unit: 'KB' });
    results.push({ name: `content script ${host}: gzipped`, value: gz / 1024, unit: 'KB', target: '≤ 60 KB', ok: gz / 1024 <= 60 });
  }
  const page = readFileSync('tests/fixtures/gmail/2025-message-view.html', 'utf8');
  const eb = await launchWithExtension();
  try {
    const times: number[] = [];
    for (let i = 0; i < 15; i += 1) {
      const tab = await eb.openMailPage(`https://mail.google.com/mail/u/0/?run=${i}#inbox`, () => ({ body: page, headers: GMAIL_HEADERS }));
      await tab.waitForSelector('caseline-sidebar[data-mount-ms]', { timeout: 15_000 });
      times.push(Number(await tab.$eval('caseline-sidebar', (el) => (el as HTMLElement).dataset.mountMs)));
      await tab.close();
    }
    results.push({ name: 'document idle → sidebar mounted (Gmail fixture), median of 15', value: median(times), unit: 'ms' });
  } finally {
    await eb.close();
  }
  return results;
}) satisfies Bench;
