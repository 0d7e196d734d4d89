/**
 * The headless tour of `npm start`: visits every practice thread in Gmail and Outlook at their
 * real URLs, checks what the agent should see (category with its reasons, deadlines in the state
 * the situation calls for, escalation flags, a template inserted into the reply box with its
 * values filled), then the dashboard over the cases it opened; saves a screenshot of each, prints
 * a table and exits non-zero on a failure.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from '../../tests/e2e/support/launch-browser';
import { openPage, sendFromPage } from '../../tests/e2e/support/extension-pages';
import { inSidebar as waitInSidebar, onSidebar, sidebarRoot, waitForSidebar } from '../../tests/e2e/support/sidebar-root';
import { PRACTICE_AGENT, PRACTICE_COMPANY } from '../../utils/practice';
import type { CaselineSettings } from '../../utils/settings/settings';
import type { DemoMailbox, DemoStop } from './demo-mailbox';

interface Row {
  stop: string;
  category: string;
  deadlines: string;
  flags: string;
  template: string;
  ok: boolean;
  problems: string[];
}

const CATEGORY_WORDS: Record<string, string> = { inquiry: 'Inquiry', complaint: 'Complaint', support: 'Support request' };
const EDITOR = 'div[role="textbox"][contenteditable="true"]';

/** Reads the sidebar from the content script's world: its shadow root is closed to the page. */
const inSidebar = <T>(page: Page, fn: (root: ShadowRoot) => T): Promise<Awaited<T>> => onSidebar(page, fn);
const sidebarElement = (page: Page, selector: string) => sidebarRoot(page).then((root) => root.$(selector));

export async function runTour(mailbox: DemoMailbox, dir: string): Promise<boolean> {
  const rows: Row[] = [];
  const shots: string[] = [];
  const eb = await launchWithExtension();
  try {
    await closeInstallTab(eb);
    await setUpPracticeTeam(eb);
    for (const stop of mailbox.stops) {
      const page = await eb.openMailPage(stop.url, mailbox.router);
      await page.bringToFront();
      rows.push(stop.thread ? await visitThread(page, stop) : await visitList(page, stop));
      const file = join(dir, `${stop.name}.png`);
      await page.screenshot({ path: file });
      shots.push(file);
      await page.close();
    }
    const dashboard = join(dir, 'dashboard.png');
    rows.push(await visitDashboard(eb, dashboard, mailbox.stops.filter((s) => s.thread).length));
    shots.push(dashboard);
  } finally {
    await eb.close();
  }
  printTable(rows);
  console.log('\nScreenshots:');
  for (const s of shots) console.log(`  ${s}`);
  const failed = rows.filter((r) => !r.ok);
  for (const r of failed) console.log(`\n${r.stop}: ${r.problems.join('; ')}`);
  console.log(`\ntour: ${rows.length - failed.length} passed, ${failed.length} failed`);
  return failed.length === 0;
}

/** The practice company's team, as a new team would enter it at onboarding. */
async function setUpPracticeTeam(eb: ExtensionBrowser): Promise<void> {
  const page = await openPage(eb, 'options.html');
  const current = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
  if (!current.ok) throw new Error(`settings: ${current.error}`);
  const saved = await sendFromPage<CaselineSettings>(page, 'saveSettings', {
    settings: { ...current.value, onboarded: true, agent: { ...current.value.agent, name: PRACTICE_AGENT.name, prefix: 'NW' }, company: { name: PRACTICE_COMPANY } },
  });
  if (!saved.ok) throw new Error(`settings not saved: ${saved.error}`);
  await page.close();
}

/** The team lead's dashboard over the cases the tour just opened: one per practice thread. */
async function visitDashboard(eb: ExtensionBrowser, file: string, threads: number): Promise<Row> {
  const row: Row = { stop: 'dashboard', category: '', deadlines: '', flags: '', template: '', ok: true, problems: [] };
  const page = await openPage(eb, 'dashboard.html');
  await page.setViewport({ width: 1280, height: 1400 });
  const ready = await page.waitForSelector('#dashboard[data-ready="true"] [data-testid="team-figures"]', { timeout: 30_000 }).then(() => true, () => false);
  if (!ready) row.problems.push('no figures shown');
  else {
    const cases = await page.$eval('[data-metric="team.cases"]', (el) => Number(el.getAttribute('data-value')));
    const pending = await page.$$eval('[data-metric^="team.sla."]', (els) => els.length);
    row.category = `${cases} cases`;
    row.deadlines = `${pending} SLA figures`;
    if (cases !== threads) row.problems.push(`${cases} cases shown, ${threads} threads visited`);
    if (pending === 0) row.problems.push('no SLA figures');
  }
  await page.screenshot({ path: file, fullPage: true });
  await page.close();
  row.ok = row.problems.length === 0;
  return row;
}

async function visitList(page: Page, stop: DemoStop): Promise<Row> {
  const row: Row = { stop: stop.name, category: '', deadlines: '', flags: '', template: '', ok: true, problems: [] };
  const mounted = await page.waitForSelector('caseline-sidebar', { timeout: 15_000 }).then(() => true, () => false);
  if (!mounted) row.problems.push('sidebar not mounted');
  // The conversation list carries a chip per tracked row.
  const chips = await page
    .waitForFunction(() => document.querySelectorAll('caseline-chip').length > 0, { timeout: 15_000 })
    .then(() => page.evaluate(() => document.querySelectorAll('caseline-chip').length), () => 0);
  row.category = `${chips} list chips`;
  if (chips === 0) row.problems.push('no chips in the conversation list');
  row.ok = row.problems.length === 0;
  return row;
}

async function visitThread(page: Page, stop: DemoStop): Promise<Row> {
  const thread = stop.thread!;
  const row: Row = { stop: stop.name, category: '', deadlines: '', flags: '', template: '', ok: true, problems: [] };
  const ready = await waitInSidebar(page, '[data-testid="category"]', 20_000).then(() => true, () => false);
  if (!ready) {
    row.ok = false;
    row.problems.push('the sidebar showed no case');
    return row;
  }
  const hosts = await page.evaluate(() => document.querySelectorAll('caseline-sidebar').length);
  if (hosts !== 1) row.problems.push(`${hosts} sidebar hosts`);

  // Category: shown with the classifier's confidence and reasons (agreement with the answer key is reported).
  const card = await inSidebar(page, (root) => ({
    category: root.querySelector('[data-testid="category"]')?.textContent ?? '',
    why: root.querySelector('.why')?.textContent ?? '',
  }));
  const expected = CATEGORY_WORDS[thread.expected.category] ?? thread.expected.category;
  row.category = `${card.category}${card.category === expected ? '' : ` (key: ${expected})`}`;
  if (!/\d+% sure/.test(card.why)) row.problems.push('no confidence shown');

  // Deadlines: the situation the thread was written for.
  if (thread.expected.slaSituation === 'waiting_on_customer') {
    const wait = await sidebarElement(page, 'button[data-action="awaitCustomer"]');
    if (wait) {
      await wait.click();
      await waitForSidebar(page, (root) => !!root.querySelector('li.countdown[data-state="paused"]'), { timeout: 10_000 }).catch(() => undefined);
    }
  }
  const states = await inSidebar(page, (root) => [...root.querySelectorAll<HTMLElement>('li.countdown')].map((e) => `${e.dataset.target}:${e.dataset.state}`));
  row.deadlines = states.map((s) => s.replace('acknowledge', 'ack').replace('respond', 'resp').replace('escalationUpdate', 'esc').replace('followUp', 'fup')).join(' ');
  const want: Record<string, (s: string[]) => boolean> = {
    fresh: (s) => s.some((x) => x.endsWith(':running')),
    due_soon: (s) => s.some((x) => x.endsWith(':due_soon')),
    breached: (s) => s.some((x) => x.endsWith(':breached')),
    waiting_on_customer: (s) => s.some((x) => x.endsWith(':paused')),
    answered: (s) => s.some((x) => x.startsWith('respond:met') || x.startsWith('acknowledge:met')),
  };
  if (states.length === 0) row.problems.push('no countdowns');
  else if (!want[thread.expected.slaSituation]?.(states)) row.problems.push(`deadlines do not show "${thread.expected.slaSituation}"`);

  // Escalation flags: raised exactly where the procedure asks for one.
  const flags = await sidebarElement(page, '[data-testid="escalation-flags"]');
  row.flags = flags ? 'flagged' : '—';
  if (!!flags !== thread.expected.escalate) row.problems.push(thread.expected.escalate ? 'escalation not flagged' : 'flagged without reason');

  // A template into the reply box, values filled.
  const inserted = await insertFirstSuggestion(page);
  row.template = inserted.ok ? inserted.name : 'FAILED';
  if (!inserted.ok) row.problems.push(inserted.problem);

  row.ok = row.problems.length === 0;
  return row;
}

async function insertFirstSuggestion(page: Page): Promise<{ ok: true; name: string } | { ok: false; problem: string }> {
  const editor = await page.$(EDITOR);
  if (!editor) return { ok: false, problem: 'no reply editor on the page' };
  const before = (await editor.evaluate((e) => e.textContent ?? '')).trim();
  const button = await sidebarElement(page, '[data-testid="suggested-templates"] button');
  if (!button) return { ok: false, problem: 'no suggested template' };
  const name = (await button.evaluate((b) => b.textContent ?? '')).trim();
  await button.click();
  // Either the text lands, or a small form asks for the values the case cannot fill.
  // Polled in the content script's world, which sees both the page's editor and the sidebar.
  const outcome = await waitForSidebar(
    page,
    (root, sel: string, was: string) => !!root.querySelector('input[data-variable]') || (document.querySelector(sel)?.textContent ?? '').trim().length > was.length + 20,
    { timeout: 15_000 },
    EDITOR,
    before,
  ).then(
    () => inSidebar(page, (root) => (root.querySelector('input[data-variable]') ? 'form' : 'text')),
    () => 'nothing',
  );
  if (outcome === 'form') {
    const root = await sidebarRoot(page);
    for (const input of await root.$$('input[data-variable]')) await input.type('Dana Lee, billing team lead');
    const submit = await root.$('[data-testid="template-values"] button[type="submit"]');
    await submit?.click();
  }
  const done = await page
    .waitForFunction((sel: string, was: string) => (document.querySelector(sel)?.textContent ?? '').trim().length > was.length + 20, { timeout: 15_000 }, EDITOR, before)
    .then(() => true, () => false);
  if (!done) return { ok: false, problem: `“${name}” did not reach the reply box` };
  const text = await page.$eval(EDITOR, (e) => e.textContent ?? '');
  if (text.includes('{{')) return { ok: false, problem: `“${name}” left a placeholder unfilled` };
  return { ok: true, name };
}

function printTable(rows: Row[]) {
  const head = ['stop', 'category', 'deadlines', 'flags', 'template inserted', 'result'];
  const cells = rows.map((r) => [r.stop, r.category, r.deadlines, r.flags, r.template, r.ok ? 'ok' : 'FAILED']);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(fmt(head));
  console.log(fmt(widths.map((w) => '-'.repeat(w))));
  for (const c of cells) console.log(fmt(c));
}
