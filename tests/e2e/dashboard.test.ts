/**
 * The dashboard page in Chromium with the built extension: an empty profile shows its empty
 * state in words; six cases restored from a backup through the background show exactly the
 * figures the pure functions compute from the same data, before and after filtering; the team
 * source without sync says why in words; a team lead sees the figures of the team's pulled
 * records (restored into the team store: granting the server's host permission needs a person);
 * the CSV download holds the figures; axe-core finds no serious or critical problem.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, CaseEventOf, CaseEventType, Category } from '../../utils/cases/events';
import type { CaseRecord } from '../../utils/cases/records';
import { LATEST_VERSION } from '../../utils/db/migrations';
import type { DashboardBasis } from '../../utils/metrics/dashboard-view';
import { effectivePolicy } from '../../utils/desk/effective-policy';
import type { CaselineSettings } from '../../utils/settings/settings';
import { computeDashboard } from '../../utils/metrics/dashboard';
import type { DashboardFigures, Figures } from '../../utils/metrics/dashboard';
import { dashboardToCsv } from '../../utils/metrics/dashboard-csv';
import { dashboardCases, dashboardInput } from '../../utils/metrics/dashboard-input';
import type { DashboardFormFilters, RecordedCase } from '../../utils/metrics/dashboard-input';
import type { SlaPolicy } from '../../utils/sla/types';
import { casesFromSyncDocs } from '../../utils/metrics/cases-from-sync';
import type { SyncDoc } from '../../utils/cases/team-docs';
import { launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { sendFromPage, seriousAxeViolations } from './support/extension-pages';



// ── six cases of two agents over a week in March 2026 ──
let n = 0;
const ev = <T extends CaseEventType>(caseId: string, type: T, at: string, data: CaseEventOf<T>['data'], actor = 'agent'): CaseEvent =>
  ({ id: `01JE2E${String(++n).padStart(4, '0')}`, caseId, type, at: `2026-03-${at}:00.000Z`, actor, source: type === 'received' ? 'auto' : 'agent', data }) as CaseEvent;

function seedCase(id: string, agentId: string, category: Category, events: CaseEvent[]): { record: CaseRecord; events: CaseEvent[] } {
  const caseId = `gmail:${id}`;
  const times = events.map((e) => e.at).sort();
  const closed = events.some((e) => e.type === 'closed');
  return {
    record: {
      caseId, host: 'gmail', threadId: id, subject: `Case ${id}`, category, stage: closed ? 'closed' : 'received', agentId,
      createdAt: times[0]!, updatedAt: times.at(-1)!, open: closed ? 0 : 1, ...(closed ? { closedAt: times.at(-1)! } : {}),
    },
    events: events.map((e) => ({ ...e, caseId })),
  };
}

const c = (id: string) => `gmail:${id}`;
const SEED = [
  seedCase('t1', 'ann', 'complaint', [
    ev(c('t1'), 'received', '02T09:00', {}, 'customer'),
    ev(c('t1'), 'category_set', '02T09:00', { category: 'complaint', by: 'classifier', confidence: 0.9 }),
    ev(c('t1'), 'acknowledged', '02T09:40', { reference: 'CMP-1' }),
    ev(c('t1'), 'resolved', '03T11:00', { code: 'refunded', summary: 'Refunded the order' }),
    ev(c('t1'), 'outcome_recorded', '03T11:05', { code: 'refunded', csat: 5, nps: 10 }),
    ev(c('t1'), 'closed', '04T10:00', { satisfied: true }),
  ]),
  seedCase('t2', 'ann', 'inquiry', [
    ev(c('t2'), 'received', '02T13:00', {}, 'customer'),
    ev(c('t2'), 'category_set', '02T13:00', { category: 'inquiry', by: 'classifier' }),
    ev(c('t2'), 'responded', '02T15:30', {}),
    ev(c('t2'), 'resolved', '02T16:00', { code: 'answered', summary: 'Sent the opening hours' }),
    ev(c('t2'), 'outcome_recorded', '02T16:10', { csat: 3, nps: 7 }),
  ]),
  seedCase('t3', 'bob', 'complaint', [
    ev(c('t3'), 'received', '03T10:00', {}, 'customer'),
    ev(c('t3'), 'category_set', '03T10:00', { category: 'complaint', by: 'agent' }),
    ev(c('t3'), 'acknowledged', '04T15:00', {}),
    ev(c('t3'), 'resolved', '06T12:00', { code: 'replaced', summary: 'Sent a new one' }),
    ev(c('t3'), 'outcome_recorded', '06T12:30', { csat: 2, nps: 4 }),
    ev(c('t3'), 'closed', '06T16:00', { satisfied: false, reason: 'no answer after follow-ups' }),
  ]),
  seedCase('t4', 'bob', 'support', [
    ev(c('t4'), 'received', '04T09:30', {}, 'customer'),
    ev(c('t4'), 'category_set', '04T09:30', { category: 'support', by: 'classifier' }),
    ev(c('t4'), 'acknowledged', '04T09:45', {}),
  ]),
  seedCase('t5', 'ann', 'complaint', [
    ev(c('t5'), 'received', '05T14:00', {}, 'customer'),
    ev(c('t5'), 'category_set', '05T14:00', { category: 'complaint', by: 'classifier' }),
  ]),
  seedCase('t6', 'bob', 'inquiry', [
    ev(c('t6'), 'received', '05T08:00', {}, 'customer'),
    ev(c('t6'), 'category_set', '05T08:00', { category: 'inquiry', by: 'classifier' }),
    ev(c('t6'), 'acknowledged', '05T09:10', {}),
    ev(c('t6'), 'resolved', '05T11:00', { code: 'answered', summary: 'Explained the invoice' }),
    ev(c('t6'), 'outcome_recorded', '05T11:20', { csat: 4, nps: 9 }),
  ]),
];
const RECORDED: RecordedCase[] = SEED.map((s) => ({ caseId: s.record.caseId, agentId: s.record.agentId, category: s.record.category, events: s.events }));

/**
 * The same six cases as a team lead holds them after a pull: documents written by two other
 * users (bound to them: author and agent id are the server user; case keys instead of case ids,
 * as the privacy rules send them), one case summary each for the category.
 */
const TEAM_DOCS: SyncDoc[] = SEED.flatMap((s, i) => {
  const agentId = s.record.agentId;
  const caseKey = `key-${i}`;
  const base = { author: s.record.agentId, agentId, createdAt: s.record.updatedAt };
  return [
    ...s.events.map((e) => ({ ...base, _id: `ev:${agentId}:${e.id}`, type: 'event', event: { ...e, caseId: caseKey } })),
    { ...base, _id: `cs:${agentId}:${i}`, type: 'case', case: { caseId: caseKey, category: s.record.category, stage: s.record.stage, host: 'gmail', agentId, createdAt: s.record.createdAt, updatedAt: s.record.updatedAt, open: s.record.open } },
  ] as unknown as SyncDoc[];
});
const TEAM_RECORDED: RecordedCase[] = casesFromSyncDocs(TEAM_DOCS).cases.map((x) => ({ ...x, category: x.category ?? 'inquiry' }));
const TEAM_BACKUP = JSON.stringify({
  format: 'caseline-backup',
  version: 1,
  schemaVersion: LATEST_VERSION,
  exportedAt: '2026-03-07T00:00:00.000Z',
  stores: { team: TEAM_DOCS.map((doc) => ({ id: doc._id, type: doc.type, agentId: doc.agentId, doc })) },
});

const BACKUP = JSON.stringify({
  format: 'caseline-backup',
  version: 1,
  schemaVersion: LATEST_VERSION,
  exportedAt: '2026-03-07T00:00:00.000Z',
  stores: { cases: SEED.map((s) => s.record), events: SEED.flatMap((s) => s.events) },
});

/** Every figure the page marks, by the same names it uses (scope.metric → value). */
function flatten(scope: string, f: Figures, out: Map<string, number | null>): void {
  const put = (k: string, v: number | null) => out.set(`${scope}.${k}`, v);
  put('cases', f.cases);
  put('firstResponse.median', f.firstResponse.median);
  put('firstResponse.p90', f.firstResponse.p90);
  put('firstResponse.count', f.firstResponse.count);
  put('resolution.median', f.resolution.median);
  put('resolution.p90', f.resolution.p90);
  put('resolution.count', f.resolution.count);
  for (const s of f.sla) {
    put(`sla.${s.target}.compliance`, s.compliance);
    put(`sla.${s.target}.met`, s.met);
    put(`sla.${s.target}.breached`, s.breached);
    put(`sla.${s.target}.pending`, s.pending);
  }
  put('complaintResolution.rate', f.complaintResolution.rate);
  put('complaintResolution.resolvedToSatisfaction', f.complaintResolution.resolvedToSatisfaction);
  put('complaintResolution.resolvedOrClosed', f.complaintResolution.resolvedOrClosed);
  put('csat.average', f.csat.average);
  put('csat.responses', f.csat.responses);
  put('nps.score', f.nps.score);
  put('nps.responses', f.nps.responses);
  for (const [k, v] of Object.entries(f.volumeByCategory)) put(`volume.${k}`, v);
  put('backlog', f.backlog);
  put('breaches', f.breaches);
}

function expectedMetrics(d: DashboardFigures): Map<string, number | null> {
  const out = new Map<string, number | null>();
  flatten('team', d.team, out);
  flatten('table-team', d.team, out);
  for (const a of d.byAgent) flatten(`agent:${a.agentId}`, a.figures, out);
  return out;
}

async function shownMetrics(page: Page): Promise<Map<string, number | null>> {
  const pairs = await page.$$eval('[data-metric]', (els) => els.map((el) => [el.getAttribute('data-metric') ?? '', el.getAttribute('data-value') ?? ''] as const));
  return new Map(pairs.map(([k, v]) => [k, v === '' ? null : Number(v)]));
}

/** Every figure on the page equals the pure functions' on the seeded data, and none is missing. */
async function expectFiguresFor(page: Page, policy: SlaPolicy, form: DashboardFormFilters, cases: RecordedCase[] = RECORDED): Promise<DashboardFigures> {
  const now = Number(await page.$eval('#dashboard', (el) => (el as HTMLElement).dataset.now));
  const figures = computeDashboard(dashboardInput(dashboardCases({ cases, policy }, now), policy.calendar, form, now));
  const expected = expectedMetrics(figures);
  const shown = await shownMetrics(page);
  // Every figure shown is the pure functions' (an agent without a target shows none for it).
  for (const [k, got] of shown) {
    const want = expected.get(k);
    if (want === undefined) {
      expect(k, `unexpected figure ${k}`).toMatch(/\.sla\.[^.]+\.compliance$/);
      expect(got, k).toBeNull();
    } else if (want === null) expect(got, k).toBeNull();
    else expect(got, k).toBeCloseTo(want, 9);
  }
  // Nothing is missing: every team figure, and every column of the table for each agent and the team.
  for (const k of expected.keys()) if (k.startsWith('team.')) expect(shown.has(k), `figure ${k} shown`).toBe(true);
  const columns = ['cases', 'firstResponse.median', 'firstResponse.p90', 'resolution.median', 'resolution.p90', 'complaintResolution.rate', 'csat.average', 'nps.score', 'backlog', 'breaches'];
  columns.push(...Object.keys(figures.team.volumeByCategory).map((c) => `volume.${c}`), ...figures.team.sla.map((t) => `sla.${t.target}.compliance`));
  for (const scope of ['table-team', ...figures.byAgent.map((a) => `agent:${a.agentId}`)]) {
    for (const col of columns) expect(shown.has(`${scope}.${col}`), `${scope}.${col} shown`).toBe(true);
  }
  expect(await page.$$eval('[data-testid="agent-table"] tbody tr', (rows) => rows.length)).toBe(figures.byAgent.length);
  return figures;
}

async function rangeStatus(page: Page): Promise<string> {
  return page.$eval('[data-testid="range-status"]', (el) => el.textContent ?? '');
}

async function waitForStatusChange(page: Page, before: string): Promise<void> {
  await page.waitForFunction((b) => document.querySelector('[data-testid="range-status"]')?.textContent !== b, { timeout: 10_000 }, before);
}

async function setDate(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (el, v) => {
      const input = el as HTMLInputElement;
      input.value = v;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

describe('dashboard page', () => {
  let eb: ExtensionBrowser;
  let page: Page;
  let policy: SlaPolicy;
  beforeAll(async () => {
    eb = await launchWithExtension();
    await eb.serviceWorker();
    page = await eb.browser.newPage();
  });
  afterAll(async () => {
    await eb?.close();
  });

  it('says in words that there are no cases yet', async () => {
    await page.goto(eb.extensionUrl('dashboard.html'));
    // The install opens the onboarding tab; input only reaches the tab in front.
    await page.bringToFront();
    await page.waitForSelector('#dashboard[data-ready="true"]');
    const text = await page.$eval('[data-testid="empty-state"]', (el) => el.textContent ?? '');
    expect(text).toMatch(/no cases on this browser yet/i);
    expect(await page.$('[data-testid="team-figures"]')).toBeNull();
  });

  it('shows the figures the pure functions compute from the same records', async () => {
    const imported = await sendFromPage<{ applied: number }>(page, 'importBackup', { json: BACKUP });
    expect(imported).toEqual({ ok: true, value: { applied: SEED.length + SEED.reduce((a, s) => a + s.events.length, 0) } });
    const settings = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
    if (!settings.ok) throw new Error(settings.error);
    policy = effectivePolicy(settings.value, new Date());
    // The page computes the figures itself, measuring by what the background says: the policy in force.
    const basis = await sendFromPage<DashboardBasis>(page, 'dashboardBasis', { source: 'local' });
    if (!basis.ok) throw new Error(basis.error);
    expect(basis.value.policy).toEqual(policy);

    await page.reload();
    await page.bringToFront();
    await page.waitForSelector('[data-testid="team-figures"]');
    await page.waitForSelector('#dashboard[data-ready="true"]');
    const figures = await expectFiguresFor(page, policy, {});
    expect(figures.team.cases).toBe(6);
    expect(figures.byAgent.map((a) => a.agentId)).toEqual(['ann', 'bob']);
    expect(await rangeStatus(page)).toContain('Showing 6 cases');
    // The words match the values: e.g. CSAT (5 + 3 + 2 + 4) / 4 = 3.5
    expect(await page.$eval('[data-metric="team.csat.average"]', (el) => el.textContent)).toBe('3.5 / 5');
    expect(await page.$eval('[data-metric="team.volume.complaint"]', (el) => el.textContent)).toBe('3');
    // Each chart has a text alternative and draws on a canvas (once uPlot, loaded after the figures, is in).
    for (const id of ['chart-volume', 'chart-sla']) {
      const label = await page.$eval(`[data-testid="${id}"]`, (el) => el.getAttribute('aria-label') ?? '');
      expect(label).toMatch(/per day/);
      expect(await page.waitForSelector(`[data-testid="${id}"] canvas`, { timeout: 10_000 })).not.toBeNull();
    }
    expect(await page.$eval('[data-testid="chart-volume"]', (el) => el.getAttribute('aria-label'))).toContain('6 cases');
  });

  it('the filters change the figures, as the pure functions say', async () => {
    await page.bringToFront();
    let before = await rangeStatus(page);
    await page.click('[data-testid="filter-category-complaint"]');
    await waitForStatusChange(page, before);
    const complaints = await expectFiguresFor(page, policy, { categories: ['complaint'] });
    expect(complaints.team.cases).toBe(3);

    before = await rangeStatus(page);
    await page.click('[data-testid="filter-agent-bob"]');
    await waitForStatusChange(page, before);
    const bobComplaints = await expectFiguresFor(page, policy, { categories: ['complaint'], agents: ['bob'] });
    expect(bobComplaints.team.cases).toBe(1);
    expect(bobComplaints.byAgent.map((a) => a.agentId)).toEqual(['bob']);

    before = await rangeStatus(page);
    await page.click('[data-testid="filters-reset"]');
    await waitForStatusChange(page, before);
    before = await rangeStatus(page);
    const tz = policy.calendar.timeZone;
    expect(await page.$eval('.filters', (el) => el.textContent ?? '')).toContain(tz);
    await setDate(page, '#filter-from', '2026-03-04');
    await waitForStatusChange(page, before);
    before = await rangeStatus(page);
    await setDate(page, '#filter-to', '2026-03-05');
    await waitForStatusChange(page, before);
    const midweek = await expectFiguresFor(page, policy, { fromDate: '2026-03-04', toDate: '2026-03-05' });
    expect(midweek.team.cases).toBe(3); // t4 (Wed), t5 and t6 (Thu)
    expect(await rangeStatus(page)).toContain('Showing 3 cases');

    // The keyboard reaches the filters: Space on a focused box ticks it.
    before = await rangeStatus(page);
    await page.focus('[data-testid="filter-category-inquiry"]');
    await page.keyboard.press('Space');
    await waitForStatusChange(page, before);
    await expectFiguresFor(page, policy, { fromDate: '2026-03-04', toDate: '2026-03-05', categories: ['inquiry'] });
    before = await rangeStatus(page);
    await page.click('[data-testid="filters-reset"]');
    await waitForStatusChange(page, before);
  });

  it('downloads a CSV with the figures on the page', async () => {
    await page.bringToFront();
    const dir = mkdtempSync(join(tmpdir(), 'caseline-csv-'));
    try {
      const session = await eb.browser.target().createCDPSession();
      await session.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dir, eventsEnabled: true });
      await page.click('[data-testid="export-csv"]');
      const deadline = Date.now() + 15_000;
      let files: string[] = [];
      while (Date.now() < deadline) {
        files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
        if (files.length > 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^caseline-dashboard-local-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync(join(dir, files[0]!), 'utf8');
      const now = Number(await page.$eval('#dashboard', (el) => (el as HTMLElement).dataset.now));
      const figures = computeDashboard(dashboardInput(dashboardCases({ cases: RECORDED, policy }, now), policy.calendar, {}, now));
      expect(csv).toBe(dashboardToCsv(figures));
      expect(csv).toContain(`team,cases,,6,`);
      expect(csv).toContain(`bob,volume,complaint,1,`);
      expect(await page.$eval('[data-testid="export-status"]', (el) => el.textContent ?? '')).toContain(files[0]!);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the team source without sync says why, in words; back to this browser', async () => {
    await page.bringToFront();
    await page.click('[data-testid="source-team"]');
    await page.waitForSelector('[data-testid="load-error"]');
    const text = await page.$eval('[data-testid="load-error"]', (el) => el.textContent ?? '');
    expect(text).toMatch(/team’s records could not be shown/);
    expect(text).toMatch(/sync/i);
    await page.click('[data-testid="source-local"]');
    await page.waitForSelector('[data-testid="team-figures"]');
  });

  it('a team lead sees the figures of the team’s pulled records, as the pure functions compute them', async () => {
    await page.bringToFront();
    const current = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
    if (!current.ok) throw new Error(current.error);
    const lead = { ...current.value, role: 'lead', sync: { enabled: true, url: 'http://127.0.0.1:9', db: 'caseline', user: 'lead' } };
    expect(await sendFromPage<CaselineSettings>(page, 'saveSettings', { settings: lead })).toMatchObject({ ok: true });
    expect(await sendFromPage<{ applied: number }>(page, 'importBackup', { json: TEAM_BACKUP })).toEqual({ ok: true, value: { applied: TEAM_DOCS.length } });

    await page.click('[data-testid="source-team"]');
    await page.waitForSelector('#dashboard[data-source="team"][data-ready="true"] [data-testid="team-figures"]');
    const figures = await expectFiguresFor(page, policy, {}, TEAM_RECORDED);
    expect(figures.team.cases).toBe(6);
    expect(figures.byAgent.map((a) => a.agentId)).toEqual(['ann', 'bob']);
    expect(await page.$eval('.lead', (el) => el.textContent ?? '')).toContain('the team');
    // Agents go by the server user who wrote their records.
    expect(await page.$$eval('[data-testid="agent-table"] tbody th', (ths) => ths.map((th) => th.textContent))).toEqual(['ann', 'bob']);
    expect(await page.$eval('[data-testid="filter-agent-bob"]', (el) => el.closest('label')?.textContent)).toBe('bob');

    // The filters work on the team's records too.
    const before = await rangeStatus(page);
    await page.click('[data-testid="filter-agent-bob"]');
    await waitForStatusChange(page, before);
    expect((await expectFiguresFor(page, policy, { agents: ['bob'] }, TEAM_RECORDED)).team.cases).toBe(3);
    const reset = await rangeStatus(page);
    await page.click('[data-testid="filters-reset"]');
    await waitForStatusChange(page, reset);

    // Back to an agent's own view: the team's records are not offered any more.
    expect(await sendFromPage<CaselineSettings>(page, 'saveSettings', { settings: current.value })).toMatchObject({ ok: true });
    await page.click('[data-testid="source-local"]');
    await page.waitForSelector('#dashboard[data-source="local"][data-ready="true"] [data-testid="team-figures"]');
  });

  it('axe-core finds no serious or critical problem, with the daily table open, in light and dark', async () => {
    await page.bringToFront();
    // The settings saved by the test before may still be re-rendering the view: wait for it to settle.
    await page.waitForSelector('#dashboard[data-ready="true"] .daily-numbers summary');
    await page.click('#dashboard[data-ready="true"] .daily-numbers summary');
    await page.waitForSelector('[data-testid="daily-table"]');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  });
});
