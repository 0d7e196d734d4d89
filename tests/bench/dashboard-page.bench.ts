/**
 * The dashboard page in Chromium with 100,000 events on this browser (20,000 cases of 5 events,
 * 8 agents, 30 days), restored through the background's importBackup (which folds the restored cases into the
 * dashboard's pack; their SLA states are evaluated by the page's first computation), the seeding
 * page being the dashboard itself (open while the restore runs, as a lead's may be).
 *
 * First paint = from the start of navigation to the team's figures for all 20,000 cases on screen
 * (the page's data-painted mark, in its own performance.now() clock). Those figures are either
 * the view kept from the last visit (labelled "Figures as of <time>, updating…", read by the page
 * straight from the database) or the present figures the page computes, whichever is on screen first; a kept
 * view that does not show all 20,000 cases does not count (then the answer's time is taken).
 * "Present figures" = navigation to the present figures drawn (data-ready), split into their
 * computation (the background's basis, the pack read, SLA states, figures) and the drawing. Medians of 3 loads with the service worker running
 * (the import just woke it). Memory: the page's JS heap once the figures are shown. Then the time
 * a filter takes, and both marks after the browser restarted on the same profile (background,
 * database and pack all read afresh), median of 3 restarts.
 */
import { LATEST_VERSION } from '../../utils/db/migrations';
import type { CaseEvent, Category } from '../../utils/cases/events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { closeInstallTab, launchWithExtension } from '../e2e/support/launch-browser';
import type { ExtensionBrowser } from '../e2e/support/launch-browser';
import { median } from './statistics';
import type { Bench, BenchResult } from './types';

const CASES = 20_000;
/** Browser restarts on the same profile, each followed by one dashboard load. */
const RESTARTS = 3;
const CATS: Category[] = ['inquiry', 'complaint', 'support'];

/** The backup in parts of `per` cases each (importBackup merges; smaller messages are quicker). */
function backupsWith100kEvents(per: number): string[] {
  let seed = 7;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const end = Date.now() - 86_400_000;
  const start = end - 30 * 86_400_000;
  const cases: unknown[] = [];
  const events: CaseEvent[] = [];
  for (let c = 0; c < CASES; c++) {
    const caseId = `gmail:bench${c}`;
    const category = CATS[c % 3]!;
    const agentId = `agent-${c % 8}`;
    let t = start + Math.floor(random() * (end - start - 86_400_000));
    const iso = () => new Date(t).toISOString();
    const step = () => (t += Math.floor(random() * 600 + 1) * 60_000);
    const id = (k: number) => `01BENCH${String(c).padStart(6, '0')}${k}`;
    const received = iso();
    events.push({ id: id(1), caseId, type: 'received', at: received, actor: 'customer', source: 'auto', data: {} });
    events.push({ id: id(2), caseId, type: 'category_set', at: received, actor: 'system', source: 'auto', data: { category, by: 'classifier', confidence: 0.8 } });
    step();
    events.push({ id: id(3), caseId, type: 'acknowledged', at: iso(), actor: agentId, source: 'agent', data: {} });
    const resolved = random() > 0.25;
    if (resolved) {
      step();
      events.push({ id: id(4), caseId, type: 'resolved', at: iso(), actor: agentId, source: 'agent', data: { code: 'answered', summary: 'Answered' } });
    } else {
      step();
      events.push({ id: id(4), caseId, type: 'responded', at: iso(), actor: agentId, source: 'agent', data: {} });
    }
    step();
    events.push({ id: id(5), caseId, type: 'outcome_recorded', at: iso(), actor: agentId, source: 'agent', data: { csat: 1 + Math.floor(random() * 5), nps: Math.floor(random() * 11) } });
    cases.push({ caseId, host: 'gmail', threadId: `bench${c}`, subject: `Case ${c}`, category, stage: resolved ? 'resolved' : 'acknowledged', agentId, createdAt: received, updatedAt: iso(), open: 1 });
  }
  const parts: string[] = [];
  for (let from = 0; from < CASES; from += per) {
    const stores = { cases: cases.slice(from, from + per), events: events.slice(from * 5, (from + per) * 5) };
    parts.push(JSON.stringify({ format: 'caseline-backup', version: 1, schemaVersion: LATEST_VERSION, exportedAt: new Date().toISOString(), stores }));
  }
  return parts;
}

interface Opened {
  page: Page;
  /** Navigation → first figures of all the cases on screen (kept or answered). */
  painted: number;
  /** What that first paint showed: 'kept' (the last visit's view) or 'answer'. */
  paintedKind: string;
  /** Navigation → the present figures drawn; and their arrival. */
  ready: number;
  records: number;
}

const casesShown = (page: Page) => page.$eval('[data-metric="team.cases"]', (el) => Number(el.getAttribute('data-value')));

/** Opens the dashboard in a new tab; its first paint and the present figures (ms from navigation). */
async function openDashboard(eb: ExtensionBrowser): Promise<Opened> {
  const page = await eb.browser.newPage();
  await page.bringToFront();
  await page.goto(eb.extensionUrl('dashboard.html'));
  await page.waitForSelector('#dashboard[data-painted]', { timeout: 120_000 });
  const first = await page.$eval('#dashboard', (el) => ({ kind: (el as HTMLElement).dataset.painted ?? '', at: Number((el as HTMLElement).dataset.paintedMs) }));
  const firstCases = first.kind === 'kept' ? await casesShown(page).catch(() => 0) : CASES;
  await page.waitForSelector('#dashboard[data-ready="true"] [data-testid="team-figures"]', { timeout: 120_000 });
  const marks = await page.$eval('#dashboard', (el) => ({ ready: Number((el as HTMLElement).dataset.readyMs), records: Number((el as HTMLElement).dataset.recordsMs) }));
  const cases = await casesShown(page);
  if (cases !== CASES) throw new Error(`the page shows ${cases} cases, not ${CASES}`);
  const keptCounts = first.kind === 'kept' && firstCases === CASES;
  return { page, painted: keptCounts || first.kind === 'answer' ? first.at : marks.ready, paintedKind: keptCounts ? 'kept' : 'answer', ...marks };
}

export default (async () => {
  const parts = backupsWith100kEvents(500);
  const profile = mkdtempSync(join(tmpdir(), 'caseline-bench-dashboard-'));
  let eb = await launchWithExtension({ userDataDir: profile });
  try {
    await eb.serviceWorker();
    const seeder = await eb.browser.newPage();
    await seeder.goto(eb.extensionUrl('dashboard.html'));
    for (const json of parts) {
      const imported = await seeder.evaluate(async (text) => {
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: { ok: boolean; error?: string } }> } } }).chrome.runtime;
        const answer = await runtime.sendMessage({ id: 1, type: 'importBackup', data: { json: text }, timestamp: Date.now() });
        return answer?.res;
      }, json);
      if (!imported?.ok) throw new Error(`seeding failed: ${imported?.error ?? 'no answer'}`);
      if (process.env.BENCH_VERBOSE) console.log(`seeded ${json.length} chars`, new Date().toISOString());
    }
    await seeder.close();

    const firstPaint: number[] = [];
    const present: number[] = [];
    const records: number[] = [];
    const ownWork: number[] = [];
    let heap = 0;
    const filterChange: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { page, ...marks } = await openDashboard(eb);
      if (process.env.BENCH_VERBOSE) {
        const view = await page.$eval('#dashboard', (el) => ({ evaluated: (el as HTMLElement).dataset.evaluated, readMs: (el as HTMLElement).dataset.readMs, figuresMs: (el as HTMLElement).dataset.figuresMs }));
        console.log('load', marks, view);
      }
      firstPaint.push(marks.painted);
      present.push(marks.ready);
      records.push(marks.records);
      ownWork.push(marks.ready - marks.records);
      if (i === 2) {
        heap = (await page.metrics()).JSHeapUsedSize ?? 0;
        // A filter: click → new figures on screen (the page recomputes from the pack it holds).
        for (const category of ['complaint', 'complaint', 'support', 'support']) {
          const started = await page.evaluate(() => performance.now());
          await page.click(`[data-testid="filter-category-${category}"]`);
          // The figures drawn after the click (not the ready mark still on the page before it).
          await page.waitForFunction(
            (t: number) => {
              const el = document.getElementById('dashboard');
              return el?.dataset.ready === 'true' && Number(el.dataset.readyMs) > t;
            },
            { timeout: 60_000 },
            started,
          );
          const ready = await page.$eval('#dashboard', (el) => ({ at: Number((el as HTMLElement).dataset.readyMs), records: Number((el as HTMLElement).dataset.recordsMs), readMs: (el as HTMLElement).dataset.readMs, figuresMs: (el as HTMLElement).dataset.figuresMs }));
          if (process.env.BENCH_VERBOSE) console.log('filter', { total: ready.at - started, answer: ready.records - started, readMs: ready.readMs, figuresMs: ready.figuresMs });
          filterChange.push(ready.at - started);
        }
      }
      await page.close();
    }
    // The next morning: the browser restarted, the background starts afresh (nothing in memory).
    const restarts: number[] = [];
    const restartsPresent: number[] = [];
    const restartKinds: string[] = [];
    for (let i = 0; i < RESTARTS; i++) {
      await eb.close();
      eb = await launchWithExtension({ userDataDir: profile });
      await closeInstallTab(eb);
      const cold = await openDashboard(eb);
      if (process.env.BENCH_VERBOSE) console.log('after restart', cold.painted, cold.paintedKind, cold.ready, cold.records, await cold.page.$eval('#dashboard', (el) => JSON.stringify((el as HTMLElement).dataset)));
      restarts.push(cold.painted);
      restartsPresent.push(cold.ready);
      restartKinds.push(cold.paintedKind);
      await cold.page.close();
    }
    const coldPaint = median(restarts);
    const paint = median(firstPaint);
    const kept = restartKinds.filter((k) => k === 'kept').length;
    const results: BenchResult[] = [
      { name: 'dashboard page: first paint, 100,000 events (navigation → figures of all cases shown, kept or answered), median of 3', value: paint, unit: 'ms', target: '≤ 1000 ms', ok: paint <= 1000 },
      { name: 'dashboard page: present figures shown (navigation → the present figures drawn), median of 3', value: median(present), unit: 'ms' },
      { name: 'dashboard page: of which navigation → the figures computed (page load, the background’s basis, pack read, SLA states, figures)', value: median(records), unit: 'ms' },
      { name: 'dashboard page: of which drawing the answer in the page (figures, table; charts follow)', value: median(ownWork), unit: 'ms' },
      {
        name: `dashboard page: first paint after a browser restart (figures of all cases shown: the view kept from the last visit, labelled with its time, in ${kept} of ${RESTARTS}), median of ${RESTARTS} restarts`,
        value: coldPaint,
        unit: 'ms',
        target: '≤ 400 ms',
        ok: coldPaint <= 400,
      },
      { name: `dashboard page: present figures after a browser restart (background and database started afresh), median of ${RESTARTS} restarts`, value: median(restartsPresent), unit: 'ms' },
      { name: 'dashboard page: JS heap used, 100,000 events', value: heap / (1024 * 1024), unit: 'MB' },
      { name: 'dashboard page: a filter ticked or cleared → new figures shown, median of 4', value: median(filterChange), unit: 'ms' },
    ];
    return results;
  } finally {
    await eb.close();
    rmSync(profile, { recursive: true, force: true });
  }
}) satisfies Bench;
