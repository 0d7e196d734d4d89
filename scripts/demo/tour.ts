/** The headless tour of `npm start`: visits each demo stop, checks what the agent should see, saves screenshots. */
import { join } from 'node:path';
import { launchWithExtension } from '../../tests/e2e/support/launch-browser';
import type { DemoMailbox } from './demo-mailbox';

interface Check {
  stop: string;
  check: string;
  ok: boolean;
  detail: string;
}

export async function runTour(mailbox: DemoMailbox, dir: string): Promise<boolean> {
  const checks: Check[] = [];
  const shots: string[] = [];
  const eb = await launchWithExtension();
  try {
    for (const stop of mailbox.stops) {
      const page = await eb.openMailPage(stop.url, mailbox.router);
      const mounted = await page
        .waitForSelector('caseline-sidebar', { timeout: 15_000 })
        .then(() => true)
        .catch(() => false);
      const count = await page.evaluate(() => document.querySelectorAll('caseline-sidebar').length);
      checks.push({ stop: stop.name, check: 'sidebar mounted once', ok: mounted && count === 1, detail: `${count} host(s)` });
      const file = join(dir, `${stop.name}.png`);
      await page.screenshot({ path: file });
      shots.push(file);
      await page.close();
    }
  } finally {
    await eb.close();
  }
  printTable(checks);
  console.log('\nScreenshots:');
  for (const s of shots) console.log(`  ${s}`);
  const failed = checks.filter((c) => !c.ok).length;
  console.log(`\n${checks.length - failed} passed, ${failed} failed`);
  return failed === 0;
}

function printTable(checks: Check[]) {
  const rows = checks.map((c) => [c.stop, c.check, c.ok ? 'ok' : 'FAILED', c.detail]);
  const head = ['stop', 'check', 'result', 'detail'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(fmt(head));
  console.log(fmt(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(fmt(r));
}
