/**
 * For the sidebar bench: a page that runs the real Sidebar component (components/sidebar/Sidebar.tsx,
 * bundled for the browser with esbuild, with its real stylesheet in a shadow root) on a case view
 * holding 50 countdowns. The case views come from the real CaseDesk (fake-indexeddb) reading the
 * practice threads; their SLA statuses are pooled into one view, since one real case has at most
 * five targets and no screen of the product shows 50 countdowns at once.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { IDBFactory } from 'fake-indexeddb';
import { monotonicFactory } from 'ulid';
import { GMAIL_HEADERS, type MailRouter } from '../e2e/support/launch-browser';
import type { CaseView } from '../../utils/case-view';
import { openCaselineDb } from '../../utils/db/open';
import { saveAppSettings } from '../../utils/desk/app-settings';
import { CaseDesk } from '../../utils/desk/case-desk';
import { SAMPLE_THREADS, toThreadSnapshot } from '../../utils/practice';
import { defaultSettings } from '../../utils/settings/default-settings';
import type { TargetStatus } from '../../utils/sla/types';

const ROOT = resolve('.');

/** Real case views of every practice thread, as the background would answer at `now`. */
export async function practiceCaseViews(now: Date, timeZone: string): Promise<CaseView[]> {
  const db = await openCaselineDb(new IDBFactory());
  const saved = await saveAppSettings(db, { ...defaultSettings(now, undefined, { seed: 'bench', timeZone }), onboarded: true });
  if (!saved.ok) throw new Error(`bench settings refused: ${JSON.stringify(saved.errors)}`);
  const settings = saved.value;
  const desk = new CaseDesk({ db, settings: async () => settings, now: () => now, newId: monotonicFactory(), timeZone });
  const views: CaseView[] = [];
  for (const thread of SAMPLE_THREADS) {
    const r = await desk.snapshot(toThreadSnapshot(thread, now));
    if (r.ok && r.value) views.push(r.value);
  }
  db.close();
  return views;
}

/** CountdownList shows a status unless it has not started (acknowledge and resolve always show). */
const shown = (s: TargetStatus) => s.state !== 'not_started' || s.target === 'acknowledge' || s.target === 'resolve';

/** One view (the first case's) whose SLA list pools `count` shown statuses of all the cases. */
export function viewWithCountdowns(views: CaseView[], count: number): CaseView {
  const first = views[0];
  if (!first) throw new Error('no case views');
  const pool = views.flatMap((v) => v.sla.filter(shown));
  if (pool.length === 0) throw new Error('no countdowns in the practice cases');
  const sla: TargetStatus[] = [];
  for (let i = 0; sla.length < count; i += 1) sla.push(pool[i % pool.length]!);
  return { ...first, sla };
}

/**
 * Answers https://mail.google.com/bench-countdowns with a page whose script renders <Sidebar>
 * with `view` into a shadow root (Gmail's Trusted Types header included).
 */
export async function countdownPageRouter(view: CaseView): Promise<MailRouter> {
  const script = await countdownPageScript(view);
  const html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench countdowns</title></head><body><script src="/bench-countdowns.js"></script></body></html>';
  return (url) => {
    if (url.pathname === '/bench-countdowns.js') return { body: script, contentType: 'text/javascript; charset=utf-8', headers: GMAIL_HEADERS };
    if (url.pathname === '/bench-countdowns') return { body: html, headers: GMAIL_HEADERS };
    return undefined;
  };
}

/** Bundles a tiny entry that renders <Sidebar> with `view` into a shadow root. */
async function countdownPageScript(view: CaseView): Promise<string> {
  const css = readFileSync(resolve(ROOT, 'components/sidebar/sidebar.css'), 'utf8');
  const entry = `
    import { render } from 'preact';
    import { Sidebar } from './components/sidebar/Sidebar';
    const view = ${JSON.stringify(view)};
    const noop = () => {};
    const actions = { command: noop, overrideCategory: noop, insertTemplate: noop, cancelTemplate: noop, openQueueItem: noop,
      showTab: noop, setCollapsed: noop, setWidth: noop, openPalette: noop, closePalette: noop, copy: noop, copyLayoutReport: noop, dismissMessage: noop };
    const state = { host: 'gmail', view, threadOpen: true, busy: false, collapsed: false, width: 340, tab: 'case', queue: [], paletteOpen: false, theme: 'light' };
    const host = document.createElement('caseline-sidebar');
    host.style.cssText = 'all: initial; position: fixed; z-index: 2147483000; top: 0; right: 0';
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = ${JSON.stringify(css)};
    const container = document.createElement('div');
    shadow.append(style, container);
    document.body.append(host);
    render(<Sidebar state={state} actions={actions} />, container);
    host.dataset.countdowns = String(shadow.querySelectorAll('li.countdown').length);
  `;
  const resolveAlias: Plugin = {
    name: 'bench-aliases',
    setup(b) {
      b.onResolve({ filter: /^@\// }, async (args) => b.resolve(`./${args.path.slice(2)}`, { resolveDir: ROOT, kind: args.kind }));
      // Outside the extension there is no browser.i18n: the sidebar's English fallbacks are used.
      b.onResolve({ filter: /^wxt\/browser$/ }, () => ({ path: 'wxt-browser', namespace: 'bench-stub' }));
      b.onLoad({ filter: /.*/, namespace: 'bench-stub' }, () => ({ contents: 'export const browser = undefined;', loader: 'js' }));
    },
  };
  const out = await build({
    stdin: { contents: entry, loader: 'tsx', resolveDir: ROOT, sourcefile: 'bench-countdowns.tsx' },
    bundle: true,
    write: false,
    minify: true,
    format: 'iife',
    target: 'chrome120',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.env.DEV': 'false' },
    plugins: [resolveAlias],
    logLevel: 'silent',
  });
  const js = out.outputFiles[0]?.text;
  if (!js) throw new Error('esbuild produced no bundle');
  return js;
}
