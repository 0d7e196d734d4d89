/**
 * `npm start`: opens Chromium with the built extension on the demo mailbox (Gmail and Outlook
 * at their real URLs, answered by interception). With a display it opens a window and waits
 * until you close it; without one (or with CI=true / --headless) it runs the headless tour,
 * writes screenshots to ./screenshots, prints what it checked and exits non-zero on a failure.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../tests/e2e/support/launch-browser';
import { demoMailbox } from './demo/demo-mailbox';
import { runTour } from './demo/tour';

const headless = process.argv.includes('--headless') || process.env.CI === 'true' || (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

const mailbox = demoMailbox(new Date());

if (!headless) {
  const eb = await launchWithExtension({ headless: false });
  for (const entry of mailbox.entryPages) await eb.openMailPage(entry.url, mailbox.router);
  console.log('Caseline is running in the Chromium window on the practice mailbox. Close the window to stop.');
  await new Promise<void>((done) => eb.browser.on('disconnected', () => done()));
} else {
  const dir = resolve('screenshots');
  mkdirSync(dir, { recursive: true });
  const ok = await runTour(mailbox, dir);
  process.exit(ok ? 0 : 1);
}
