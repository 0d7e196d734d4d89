/**
 * Browser figures of the sidebar and the content runtime, in Chromium with the built extension on
 * the practice mailbox (scripts/demo/demo-mailbox.ts) at the hosts' real URLs:
 * 1. sidebar ready after the snapshot answer arrives (data-ready-ms), over thread opens on Gmail and Outlook;
 * 2. template insertion (data-insert-ms) and click → text in the editor, end to end;
 * 3. long tasks and main-thread time while countdowns run: on a real thread (5 countdowns at most),
 *    and on a page running the real Sidebar component with 50 countdowns on the shared ticker;
 * 4. a burst of 10,000 DOM mutations in one second on a Gmail thread: the extension's own
 *    main-thread time (V8 profile of its scripts, and Chrome's counters against the same page
 *    without the extension) and long tasks.
 * How to read the figures: V8-profile times are wall time of samples with the extension's (or the
 * sidebar page's) script on the stack, so they grow when the machine is busy; CDP counters are the
 * renderer main thread's CPU time, page and extension together, hence the with − without
 * comparison. A long task counts as the extension's when, without the extension's own profiled
 * time inside it, it would have been 50 ms or shorter.
 * The content-script size target lives in extension.bench.ts.
 * CASELINE_EXTENSION_DIR points at another build (default .output/chrome-mv3).
 */
import type { Page } from 'puppeteer';
import { demoMailbox, type DemoStop } from '../../scripts/demo/demo-mailbox';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser, type MailRouter } from '../e2e/support/launch-browser';
import { onSidebar, sidebarRealm } from '../e2e/support/sidebar-root';
import { countdownPageRouter, practiceCaseViews, viewWithCountdowns } from './support-countdown-page';
import { mainThreadMetrics, metricsDelta, metricsSession, profileScriptTime, watchLongTasks, type LongTask, type MainThreadMetrics, type ScriptProfile } from './support-main-thread';
import { pagesWithoutExtension, type PagesWithoutExtension } from './support-pages-without-extension';
import { median, percentile } from './statistics';
import type { Bench, BenchResult } from './types';

const EDITOR = { gmail: 'div[g_editable="true"][role="textbox"][contenteditable="true"]', outlook: 'div[role="textbox"][contenteditable="true"]' } as const;
const WINDOW_MS = 10_000;
/** BENCH_VERBOSE=1 prints each step to stderr. */
const step = (what: string) => {
  if (process.env.BENCH_VERBOSE) console.error(`[sidebar bench ${new Date().toISOString().slice(11, 19)}] ${what}`);
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** tsx keeps function names with a `__name` helper that page-side functions would miss. */
const defineNameHelper = (page: Page) => page.evaluate('globalThis.__name ??= (f) => f');

export default (async () => {
  const results: BenchResult[] = [];
  const mailbox = demoMailbox(new Date());
  const threads = mailbox.stops.filter((s): s is DemoStop & { thread: NonNullable<DemoStop['thread']> } => !!s.thread);
  const eb = await launchWithExtension({ extensionDir: process.env.CASELINE_EXTENSION_DIR ?? EXTENSION_DIR });
  let plain: PagesWithoutExtension | undefined;
  try {
    step('launched');
    await closeOnboardingTab(eb);
    step('thread opens and insertions');
    results.push(...(await readyAndInsertion(eb, threads, mailbox.router)));
    const gmailThread = threads.find((s) => s.host === 'gmail');
    if (!gmailThread) throw new Error('no Gmail practice thread');
    step('countdowns on a thread');
    results.push(...(await countdownsOnThread(eb, gmailThread, mailbox.router)));
    plain = await pagesWithoutExtension(eb.browser);
    step('50 countdowns page');
    results.push(...(await syntheticCountdowns(plain, mailbox.timeZone)));
    step('mutation burst');
    results.push(...(await mutationBurst(eb, plain, gmailThread, mailbox.router)));
  } finally {
    await plain?.close();
    await eb.close();
  }
  return results;
}) satisfies Bench;

async function closeOnboardingTab(eb: ExtensionBrowser): Promise<void> {
  const target = await eb.browser
    .waitForTarget((t) => t.type() === 'page' && t.url().startsWith(eb.extensionUrl('onboarding.html')), { timeout: 10_000 })
    .catch(() => undefined);
  await (await target?.page())?.close();
}

async function openThread(eb: ExtensionBrowser, stop: DemoStop, router: MailRouter): Promise<{ page: Page; readyMs: number | undefined }> {
  const page = await eb.openMailPage(stop.url, router);
  await defineNameHelper(page);
  await page.bringToFront();
  const ready = await page
    .waitForFunction(() => document.querySelector('caseline-sidebar')?.getAttribute('data-ready-ms'), { timeout: 15_000, polling: 20 })
    .then(async (h) => Number(await h.jsonValue()))
    .catch(() => undefined);
  return { page, readyMs: ready };
}

type InsertOutcome = { kind: 'inserted'; endToEndMs: number; insertMs: number } | { kind: 'needs-values' } | { kind: 'failed'; why: string };

/** Clicks a suggested template in the page and times click → editor text changed; reads data-insert-ms. */
async function insertOnce(page: Page, templateId: string, editorSelector: string): Promise<InsertOutcome> {
  // In the content script's world: the sidebar's shadow root is closed to the page.
  const realm = await sidebarRealm(page);
  const clicked = await realm.evaluate(
    (id: string, sel: string) =>
      new Promise<{ kind: 'text'; ms: number } | { kind: 'form' } | { kind: 'failed'; why: string }>((resolve) => {
        const mounted = (globalThis as unknown as { __caselineSidebarHost?: { host: HTMLElement; shadow: ShadowRoot } }).__caselineSidebarHost;
        const host = mounted?.host;
        const shadow = mounted?.shadow;
        const button = shadow?.querySelector<HTMLButtonElement>(`button[data-template-id="${CSS.escape(id)}"]`);
        const editor = document.querySelector(sel);
        if (!host || !shadow || !button || !editor) {
          resolve({ kind: 'failed', why: `missing ${!button ? 'button' : 'editor'}` });
          return;
        }
        host.removeAttribute('data-insert-ms');
        const before = editor.textContent;
        let t0 = 0;
        const done = (r: { kind: 'text'; ms: number } | { kind: 'form' } | { kind: 'failed'; why: string }) => {
          editorObserver.disconnect();
          formObserver.disconnect();
          clearTimeout(timeout);
          resolve(r);
        };
        const editorObserver = new MutationObserver(() => {
          if (editor.textContent !== before) done({ kind: 'text', ms: performance.now() - t0 });
        });
        const formObserver = new MutationObserver(() => {
          if (shadow.querySelector('form.subform')) done({ kind: 'form' });
        });
        editorObserver.observe(editor, { childList: true, subtree: true, characterData: true });
        formObserver.observe(shadow, { childList: true, subtree: true });
        const timeout = setTimeout(() => done({ kind: 'failed', why: 'no text after 8 s' }), 8000);
        t0 = performance.now();
        button.click();
      }),
    templateId,
    editorSelector,
  );
  if (clicked.kind === 'failed') return clicked;
  if (clicked.kind === 'form') {
    await onSidebar(page, (root) => root.querySelector<HTMLButtonElement>('form.subform button[type="button"]')?.click());
    return { kind: 'needs-values' };
  }
  const insertMs = await page
    .waitForFunction(() => document.querySelector('caseline-sidebar')?.getAttribute('data-insert-ms'), { timeout: 5000, polling: 20 })
    .then(async (h) => Number(await h.jsonValue()));
  return { kind: 'inserted', endToEndMs: clicked.ms, insertMs };
}

/** Items 1 and 2: each practice thread opened (then 4 per host again); on each open, one template inserted. */
async function readyAndInsertion(eb: ExtensionBrowser, threads: DemoStop[], router: MailRouter): Promise<BenchResult[]> {
  const ready: Record<'gmail' | 'outlook', number[]> = { gmail: [], outlook: [] };
  const insert: number[] = [];
  const endToEnd: number[] = [];
  let notReady = 0;
  const insertFailures: string[] = [];
  const again = [...threads.filter((s) => s.host === 'gmail').slice(0, 4), ...threads.filter((s) => s.host === 'outlook').slice(0, 4)];
  {
    for (const stop of [...threads, ...again]) {
      const { page, readyMs } = await openThread(eb, stop, router);
      step(`${stop.name}: ready ${readyMs ?? 'never'}`);
      try {
        if (readyMs === undefined || !Number.isFinite(readyMs)) {
          notReady += 1;
          continue;
        }
        ready[stop.host].push(readyMs);
        const ids = await onSidebar(page, (root) => [...root.querySelectorAll<HTMLElement>('[data-testid="suggested-templates"] button[data-template-id]')].map((b) => b.dataset.templateId ?? ''));
        let failure = ids.length === 0 ? 'no suggested template' : 'every suggested template needs values';
        for (const id of ids) {
          const outcome = await insertOnce(page, id, EDITOR[stop.host]);
          if (outcome.kind === 'needs-values') continue;
          if (outcome.kind === 'inserted') {
            insert.push(outcome.insertMs);
            endToEnd.push(outcome.endToEndMs);
            failure = '';
          } else failure = outcome.why;
          break;
        }
        if (failure) insertFailures.push(`${stop.name}: ${failure}`);
      } finally {
        await page.close();
      }
    }
  }
  const all = [...ready.gmail, ...ready.outlook];
  const out: BenchResult[] = [
    { name: `sidebar ready after snapshot answer (data-ready-ms), median of ${all.length} thread opens (Gmail ${ready.gmail.length}, Outlook ${ready.outlook.length})`, value: median(all), unit: 'ms', target: '≤ 16 ms', ok: median(all) <= 16 },
    { name: `sidebar ready, Gmail, median of ${ready.gmail.length}`, value: median(ready.gmail), unit: 'ms' },
    { name: `sidebar ready, Outlook, median of ${ready.outlook.length}`, value: median(ready.outlook), unit: 'ms' },
    { name: `sidebar ready, p90 of ${all.length}`, value: percentile(all, 0.9), unit: 'ms' },
  ];
  if (notReady > 0) out.push({ name: 'thread opens where the sidebar never became ready (15 s)', value: notReady, unit: 'opens' });
  out.push(
    { name: `template insertion into the editor (data-insert-ms), median of ${insert.length} (templates needing no extra values)`, value: median(insert), unit: 'ms', target: '≤ 30 ms', ok: median(insert) <= 30 },
    { name: `template insertion, p90 of ${insert.length}`, value: percentile(insert, 0.9), unit: 'ms' },
    { name: `template click → text in the editor, end to end (render in background + insert), median of ${endToEnd.length}`, value: median(endToEnd), unit: 'ms' },
  );
  if (insertFailures.length > 0) {
    const reasons = [...new Set(insertFailures.map((f) => f.replace(/^[^:]*: /, '')))].join('; ');
    out.push({ name: `thread opens with no template inserted (${reasons})`, value: insertFailures.length, unit: 'opens' });
  }
  return out;
}

interface Window10s {
  delta: MainThreadMetrics;
  longTasks: LongTask[];
  ourScriptMs: number;
  /** Long tasks that would not have been long without the profiled script's time in them. */
  ourLongTasks: number;
  seconds: number;
}

/** A long task is the script's when, without the script's own time inside it, it would be 50 ms or shorter. */
function longTasksOf(profile: ScriptProfile, tasks: LongTask[]): number {
  return tasks.filter((t) => {
    const ours = profile.msBetween(t.start, t.start + t.duration);
    return Number.isNaN(ours) || t.duration - ours <= 50;
  }).length;
}

/** Long tasks, Chrome's counters and the V8 profile of scripts under `urlPrefix`, over WINDOW_MS of an idle page. */
async function idleWindow(page: Page, urlPrefix: string): Promise<Window10s> {
  const client = await metricsSession(page);
  const readLongTasks = await watchLongTasks(page);
  const before = await mainThreadMetrics(client);
  const started = Date.now();
  const profiled = await profileScriptTime(page, urlPrefix, () => sleep(WINDOW_MS));
  const after = await mainThreadMetrics(client);
  const seconds = (Date.now() - started) / 1000;
  const longTasks = await readLongTasks();
  await client.detach();
  return { delta: metricsDelta(before, after), longTasks, ourScriptMs: profiled.ms, ourLongTasks: longTasksOf(profiled, longTasks), seconds };
}

/** Item 3, real tab: one practice thread with its countdowns on the shared ticker, 10 s. */
async function countdownsOnThread(eb: ExtensionBrowser, stop: DemoStop, router: MailRouter): Promise<BenchResult[]> {
  const { page } = await openThread(eb, stop, router);
  try {
    await sleep(1000);
    const n = await onSidebar(page, (root) => root.querySelectorAll('li.countdown').length);
    const w = await idleWindow(page, `chrome-extension://${eb.extensionId}/`);
    const perSecond = w.ourScriptMs / w.seconds;
    return [
      { name: `Gmail thread, ${n} live countdowns, ${Math.round(w.seconds)} s: long tasks (> 50 ms) from the extension (${w.longTasks.length} in the tab)`, value: w.ourLongTasks, unit: 'tasks', target: '0', ok: w.ourLongTasks === 0 },
      { name: `Gmail thread, ${n} live countdowns: extension script time per second (V8 profile)`, value: perSecond, unit: 'ms/s' },
      { name: `Gmail thread, ${n} live countdowns: all main-thread script per second (CDP ScriptDuration)`, value: w.delta.scriptMs / w.seconds, unit: 'ms/s' },
      { name: `Gmail thread: extension script per second scaled ×${(50 / Math.max(n, 1)).toFixed(0)} to 50 countdowns (estimate)`, value: (perSecond * 50) / Math.max(n, 1), unit: 'ms/s' },
    ];
  } finally {
    await page.close();
  }
}

/** Item 3, synthetic: the real Sidebar component with 50 countdowns, in a browser context without the extension, 10 s. */
async function syntheticCountdowns(plain: PagesWithoutExtension, timeZone: string): Promise<BenchResult[]> {
  const views = await practiceCaseViews(new Date(), timeZone);
  const router = await countdownPageRouter(viewWithCountdowns(views, 50));
  const page = await plain.openPage('https://mail.google.com/bench-countdowns', router);
  try {
    await page.bringToFront();
    const count = await page
      .waitForFunction(() => document.querySelector('caseline-sidebar')?.getAttribute('data-countdowns'), { timeout: 15_000 })
      .then(async (h) => Number(await h.jsonValue()));
    await sleep(1000);
    const first = await page.$eval('caseline-sidebar >>> li.countdown .remaining', (e) => e.textContent ?? '');
    const w = await idleWindow(page, 'https://mail.google.com/bench-countdowns.js');
    const live = await page.$$eval('caseline-sidebar >>> li.countdown', (els) => els.length);
    const firstAfter = await page.$eval('caseline-sidebar >>> li.countdown .remaining', (e) => e.textContent ?? '');
    const label = `Sidebar component with ${count} countdowns (${live} after), ${Math.round(w.seconds)} s${first === firstAfter ? ', text unchanged in window' : ''}`;
    return [
      { name: `${label}: long tasks (> 50 ms) from the sidebar (${w.longTasks.length} in the tab)`, value: w.ourLongTasks, unit: 'tasks', target: '0', ok: w.ourLongTasks === 0 },
      { name: `${label}: sidebar script time per second (V8 profile)`, value: w.ourScriptMs / w.seconds, unit: 'ms/s' },
      { name: `${label}: main-thread task time per second (CDP TaskDuration)`, value: w.delta.taskMs / w.seconds, unit: 'ms/s' },
    ];
  } finally {
    await page.close();
  }
}

/** Sets up a container inside the thread's main column, with 50 children to remove first. */
async function prepareBurst(page: Page): Promise<void> {
  await page.evaluate(() => {
    const main = document.querySelector('div[role="main"]');
    if (!main) throw new Error('no div[role=main] on the page');
    const box = document.createElement('div');
    box.id = 'bench-burst';
    for (let i = 0; i < 50; i += 1) box.append(document.createElement('span'));
    main.append(box);
  });
}

/** In the page: 100 batches 10 ms apart, each appending 50 nodes and removing 50 (100 mutation records). */
async function burst(page: Page): Promise<{ records: number; durationMs: number }> {
  return page.evaluate(
    () =>
      new Promise<{ records: number; durationMs: number }>((resolve) => {
        const box = document.getElementById('bench-burst')!;
        let records = 0;
        const counter = new MutationObserver((list) => {
          records += list.length;
        });
        counter.observe(box, { childList: true });
        const t0 = performance.now();
        let batch = 0;
        const step = () => {
          for (let i = 0; i < 50; i += 1) {
            const span = document.createElement('span');
            span.textContent = `m${batch}.${i}`;
            box.append(span);
          }
          for (let i = 0; i < 50; i += 1) box.firstChild?.remove();
          batch += 1;
          if (batch < 100) setTimeout(step, Math.max(0, t0 + batch * 10 - performance.now()));
          else
            setTimeout(() => {
              counter.disconnect();
              resolve({ records, durationMs: performance.now() - t0 });
            }, 0);
        };
        step();
      }),
  );
}

/** One burst with Chrome's counters and long tasks over the burst and the 1.5 s after it (the extension defers its work). */
async function measuredBurst(page: Page): Promise<{ delta: MainThreadMetrics; longTasks: LongTask[]; records: number; durationMs: number }> {
  const client = await metricsSession(page);
  const readLongTasks = await watchLongTasks(page);
  const before = await mainThreadMetrics(client);
  const b = await burst(page);
  await sleep(1500);
  const after = await mainThreadMetrics(client);
  const longTasks = await readLongTasks();
  await client.detach();
  return { delta: metricsDelta(before, after), longTasks, ...b };
}

/** One burst with the extension under the V8 profiler: its own script time, and which long tasks were its. */
async function profiledBurst(page: Page, urlPrefix: string): Promise<{ ms: number; longTasks: number; ourLongTasks: number; records: number }> {
  const readLongTasks = await watchLongTasks(page);
  let records = 0;
  const profiled = await profileScriptTime(page, urlPrefix, async () => {
    records = (await burst(page)).records;
    await sleep(1500);
  });
  const tasks = await readLongTasks();
  return { ms: profiled.ms, longTasks: tasks.length, ourLongTasks: longTasksOf(profiled, tasks), records };
}

const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

/** Item 4: the same burst on the same Gmail thread page, with the extension and without it (alternating). */
async function mutationBurst(eb: ExtensionBrowser, plain: PagesWithoutExtension, stop: DemoStop, router: MailRouter): Promise<BenchResult[]> {
  const RUNS = 6;
  const PROFILED = 2;
  const { page: withExt } = await openThread(eb, stop, router);
  const without = await plain.openPage(stop.url, router);
  try {
    await without.waitForSelector('div[role="main"]');
    await defineNameHelper(without);
    await sleep(1000);
    if (await without.$('caseline-sidebar')) throw new Error('the baseline page has the extension running');
    await prepareBurst(withExt);
    await prepareBurst(without);
    await sleep(1500);
    const ext: Awaited<ReturnType<typeof measuredBurst>>[] = [];
    const base: Awaited<ReturnType<typeof measuredBurst>>[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      await withExt.bringToFront();
      ext.push(await measuredBurst(withExt));
      await without.bringToFront();
      base.push(await measuredBurst(without));
    }
    await withExt.bringToFront();
    const profiled: Awaited<ReturnType<typeof profiledBurst>>[] = [];
    for (let i = 0; i < PROFILED; i += 1) profiled.push(await profiledBurst(withExt, `chrome-extension://${eb.extensionId}/`));

    const mScript = (runs: typeof ext) => median(runs.map((r) => r.delta.scriptMs));
    const mTask = (runs: typeof ext) => median(runs.map((r) => r.delta.taskMs));
    const taskDelta = mTask(ext) - mTask(base);
    const ownMs = Math.max(...profiled.map((p) => p.ms));
    const ownLong = profiled.reduce((n, p) => n + p.ourLongTasks, 0);
    const recs = [...ext, ...base, ...profiled].map((r) => r.records);
    const label = `mutation burst (${range(recs)} records in ${median(ext.map((r) => r.durationMs)).toFixed(0)} ms, Gmail thread, + 1.5 s after)`;
    return [
      { name: `${label}: extension's own script time, V8 profile of its scripts (worst of ${PROFILED})`, value: ownMs, unit: 'ms', target: '≤ 50 ms', ok: ownMs <= 50 },
      {
        name: `${label}: main-thread task time with − without extension (CDP TaskDuration, medians of ${RUNS}; with ${range(ext.map((r) => r.delta.taskMs))} ms, without ${range(base.map((r) => r.delta.taskMs))} ms)`,
        value: taskDelta,
        unit: 'ms',
        target: '≤ 50 ms',
        ok: taskDelta <= 50,
      },
      { name: `${label}: script time with − without extension (CDP ScriptDuration, medians of ${RUNS})`, value: mScript(ext) - mScript(base), unit: 'ms' },
      {
        name: `${label}: style + layout time with − without extension (CDP, medians of ${RUNS})`,
        value: median(ext.map((r) => r.delta.styleMs + r.delta.layoutMs)) - median(base.map((r) => r.delta.styleMs + r.delta.layoutMs)),
        unit: 'ms',
      },
      { name: `${label}: long tasks (> 50 ms) from the extension, over ${PROFILED} profiled bursts (${profiled.reduce((n, p) => n + p.longTasks, 0)} in the tab)`, value: ownLong, unit: 'tasks', target: '0', ok: ownLong === 0 },
      { name: `${label}: long tasks in the tab with the extension, over ${RUNS} bursts (without it: ${base.reduce((n, r) => n + r.longTasks.length, 0)})`, value: ext.reduce((n, r) => n + r.longTasks.length, 0), unit: 'tasks' },
    ];
  } finally {
    await withExt.close();
    await without.close();
  }
}
