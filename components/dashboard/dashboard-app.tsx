/**
 * The team lead's dashboard: filters, the team's figures, charts, a table per agent and a CSV
 * export. The figures come from `figuresOf` (the page's runtime computes them from the database:
 * entrypoints/dashboard/figures-from-database.ts, with utils/desk/dashboard-view.ts and the pure
 * functions of utils/metrics); this file wires them to the page. Until the first figures come,
 * the page shows those it showed last time (`lastView`), saying how old they are and that they
 * are being brought up to date.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LiveStatus, Reply } from '../../utils/messages';
import { openLivePort } from '../../utils/extension/live-port';
import type { DashboardView } from '../../utils/metrics/dashboard-view';
import type { DashboardFigures } from '../../utils/metrics/dashboard';
import { dashboardToCsv } from '../../utils/metrics/dashboard-csv';
import type { DashboardFormFilters } from '../../utils/metrics/dashboard-input';
import { downloadText } from '../pages/download-file';
import { AgentTable } from './agent-table';
import { DailyCharts } from './daily-charts';
import { DashboardFilters, SourceSwitch } from './dashboard-filters';
import type { RecordSource } from './dashboard-filters';
import { formatCount } from './format-figure';
import { HeadlineFigures } from './headline-figures';
import { OwnershipTable } from './ownership-table';

interface Loaded {
  view: DashboardView;
  /** performance.now() when the present figures (or the kept view) arrived (the first-paint bench splits on it). */
  receivedMs: number;
  /** The view kept from the last visit, shown until the first present figures replace it. */
  kept?: boolean;
}

/**
 * 'loading': nothing to show yet for this source; 'updating': the figures shown are being
 * recomputed for new filters; 'error': the last request failed.
 */
type LoadState =
  | { status: 'loading'; source: RecordSource }
  | { status: 'updating'; source: RecordSource; data: Loaded }
  | { status: 'error'; source: RecordSource; message: string }
  | { status: 'ready'; data: Loaded };

const SOURCE_WORDS: Record<RecordSource, string> = { local: 'this browser', team: 'the team' };

/** How long after a change the figures are asked again (several changes in a burst: one redraw). */
const REDRAW_AFTER_MS = 150;

function liveWords(live: LiveStatus): string {
  switch (live.state) {
    case 'live':
      return 'Live: agents’ records appear here as they are written.';
    case 'connecting':
      return 'Connecting to the team server…';
    case 'retrying':
      return `The team server did not answer (${live.error}); trying again at ${new Date(live.retryAt).toLocaleTimeString()}.`;
    case 'off':
      return 'Not following the team server right now: figures are as of the last sync.';
  }
}

function rangeWords(figures: DashboardFigures): string {
  const to = figures.range.to.slice(0, 16).replace('T', ' ');
  return figures.range.from ? `received from ${figures.range.from.slice(0, 16).replace('T', ' ')} to ${to} (UTC)` : `received up to ${to} (UTC)`;
}

/** When kept figures were taken, in the reader's words. */
function asOfWords(now: number): string {
  return new Date(now).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export interface DashboardAppProps {
  /** The figures of a source under the form's filters (or why there are none, in words). */
  figuresOf: (source: RecordSource, form: DashboardFormFilters) => Promise<Reply<DashboardView>>;
  /** The figures kept from the last visit (default filters, this browser), read while the page loads. */
  lastView?: Promise<DashboardView | undefined> | undefined;
}

export function DashboardApp({ figuresOf, lastView }: DashboardAppProps) {
  const [source, setSource] = useState<RecordSource>('local');
  const [load, setLoad] = useState<LoadState>({ status: 'loading', source: 'local' });
  const [form, setForm] = useState<DashboardFormFilters>({});
  const [reloads, setReloads] = useState(0);
  const [exported, setExported] = useState<string>('');
  const root = useRef<HTMLDivElement>(null);
  const shownSource = useRef<RecordSource | undefined>(undefined);
  const [live, setLive] = useState<LiveStatus>({ state: 'off' });
  const [teamChanges, setTeamChanges] = useState(0);
  const sourceNow = useRef<RecordSource>(source);
  sourceNow.current = source;

  // The kept view, shown only while nothing else is: the first answer always replaces it.
  useEffect(() => {
    let current = true;
    void lastView?.then((kept) => {
      if (!current || !kept) return;
      setLoad((prev) => {
        if (prev.status !== 'loading' || prev.source !== kept.source) return prev;
        shownSource.current = kept.source;
        return { status: 'updating', source: kept.source, data: { view: kept, receivedMs: performance.now(), kept: true } };
      });
    });
    return () => {
      current = false;
    };
  }, [lastView]);

  // While this page is open the background follows the team server live and says what changed.
  useEffect(() => {
    let redraw: ReturnType<typeof setTimeout> | undefined;
    const connection = openLivePort((notice) => {
      if (notice.type === 'live') setLive(notice.live);
      else if (notice.type === 'erased') {
        // What is on screen may name erased cases: take it down at once, then ask again.
        shownSource.current = undefined;
        setLoad({ status: 'loading', source: sourceNow.current });
        setReloads((n) => n + 1);
      }
      else if (notice.type === 'teamChanged' && sourceNow.current === 'team') {
        if (redraw) clearTimeout(redraw);
        redraw = setTimeout(() => {
          redraw = undefined;
          setTeamChanges((n) => n + 1);
        }, REDRAW_AFTER_MS);
      }
    });
    return () => {
      if (redraw) clearTimeout(redraw);
      connection.close();
    };
  }, []);

  useEffect(() => {
    let current = true;
    // New filters on the same records: keep the figures on screen while the new ones come.
    setLoad((prev) => ('data' in prev && shownSource.current === source ? { status: 'updating', source, data: prev.data } : { status: 'loading', source }));
    const asked = { ...form, categories: form.categories && [...form.categories], agents: form.agents && [...form.agents] };
    void figuresOf(source, asked).then((reply) => {
      if (!current) return;
      if (!reply.ok) {
        shownSource.current = undefined;
        setLoad({ status: 'error', source, message: reply.error });
        return;
      }
      shownSource.current = source;
      setLoad({ status: 'ready', data: { view: reply.value, receivedMs: performance.now() } });
    });
    return () => {
      current = false;
    };
  }, [figuresOf, source, form, reloads, teamChanges]);

  const data = 'data' in load ? load.data : undefined;
  const view = data?.view;
  const figures = view?.figures;

  // Marks the page once the figures are on screen (tests and the first-paint bench wait for it):
  // data-painted when any figures first are (kept ones or present ones), data-ready when the
  // figures for the present request are.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    if ('data' in load && el.dataset.painted === undefined) {
      el.dataset.painted = load.data.kept ? 'kept' : 'answer';
      el.dataset.paintedMs = String(performance.now());
    }
    if (load.status === 'loading' || load.status === 'updating') {
      el.removeAttribute('data-ready');
      return;
    }
    el.dataset.ready = 'true';
    el.dataset.readyMs = String(performance.now());
    if (load.status === 'ready') {
      const { view, receivedMs } = load.data;
      el.dataset.recordsMs = String(receivedMs);
      el.dataset.evaluated = String(view.evaluated);
      el.dataset.readMs = view.timings.readMs.toFixed(1);
      el.dataset.figuresMs = view.timings.figuresMs.toFixed(1);
    }
  }, [load]);

  const exportCsv = () => {
    if (!figures || !view) return;
    const day = new Date(view.now).toISOString().slice(0, 10);
    const name = `caseline-dashboard-${view.source}-${day}.csv`;
    downloadText(name, dashboardToCsv(figures), 'text/csv;charset=utf-8');
    setExported(`Saved ${name} (${formatCount(figures.byAgent.length + 1)} scopes: the team and each agent).`);
  };

  return (
    // data-source names the records of the figures on screen (not the choice, which runs ahead of them).
    <div ref={root} id="dashboard" data-source={view?.source ?? source} data-now={view ? String(view.now) : undefined} data-status={load.status} data-live={live.state} data-team-updates={String(teamChanges)}>
      <a class="skip-link" href="#main">
        Skip to the figures
      </a>
      <header class="page-header">
        <span class="brand">Caseline</span>
        <span class="muted">Dashboard</span>
      </header>
      <div class="dashboard-layout">
        <aside class="dashboard-controls" aria-label="Records and filters">
          <SourceSwitch source={source} onChange={(s) => setSource(s)} disabled={load.status === 'loading'} />
          {view ? <DashboardFilters form={form} agents={view.agents} agentNames={view.agentNames} timeZone={view.timeZone} onChange={setForm} /> : null}
        </aside>
        <main id="main" tabIndex={-1} class="dashboard-main">
          <h1>Service dashboard</h1>
          <p class="lead">
            Figures from the cases on {SOURCE_WORDS[source]}, computed in this browser. Times count business hours of the SLA policy’s calendar.
          </p>
          {source === 'team' ? (
            <p class={`status live-${live.state}`} role="status" data-testid="live-status">
              {liveWords(live)}
            </p>
          ) : null}
          {load.status === 'loading' ? (
            <p class="status" role="status" data-testid="loading">
              Reading the cases on {SOURCE_WORDS[load.source]}…
            </p>
          ) : null}
          {load.status === 'error' ? (
            <div class="status error" role="alert" data-testid="load-error">
              <p>
                {load.source === 'team' ? 'The team’s records could not be shown: ' : 'The records could not be read: '}
                {load.message}
              </p>
              {load.source === 'team' ? <p>Team records need sync to be set up in Caseline’s settings (Sync), and a team lead’s account.</p> : null}
              <div class="actions">
                <button type="button" onClick={() => setReloads((n) => n + 1)}>
                  Try again
                </button>
              </div>
            </div>
          ) : null}
          {data?.kept && view ? (
            <p class="status kept" role="status" data-testid="kept-view">
              Figures as of {asOfWords(view.now)}, updating…
            </p>
          ) : null}
          {view && figures ? (
            view.totalCases === 0 ? (
              <div class="empty" data-testid="empty-state">
                <h2>No cases yet</h2>
                <p>
                  {view.source === 'local'
                    ? 'There are no cases on this browser yet. Cases appear here once Caseline has seen customer e-mails in Gmail or Outlook, or after a backup is restored in the settings.'
                    : 'No synced cases have arrived from the team yet. Check the sync status in the settings.'}
                </p>
              </div>
            ) : (
              <>
                <p class="status" role="status" aria-live="polite" aria-busy={load.status === 'updating'} data-testid="range-status">
                  Showing {formatCount(figures.team.cases)} case{figures.team.cases === 1 ? '' : 's'} {rangeWords(figures)}.
                  {figures.team.cases === 0 ? ' No case matches these filters: widen the dates or tick fewer boxes.' : ''}
                </p>
                <section aria-labelledby="team-title" data-testid="team-figures">
                  <h2 id="team-title">Team figures</h2>
                  <HeadlineFigures figures={figures.team} />
                </section>
                <section aria-labelledby="charts-title">
                  <h2 id="charts-title">Day by day</h2>
                  <DailyCharts series={view.series} team={figures.team} />
                </section>
                <section aria-labelledby="agents-title">
                  <h2 id="agents-title">Per agent</h2>
                  {figures.byAgent.length === 0 ? <p>No agent has cases in this range.</p> : <AgentTable figures={figures} agentNames={view.agentNames} />}
                </section>
                {view.ownership && (view.ownership.owners.length > 0 || view.ownership.reassignments > 0 || view.ownership.conflicts > 0) ? (
                  <section aria-labelledby="owners-title" data-testid="owners">
                    <h2 id="owners-title">Owners</h2>
                    <OwnershipTable figures={view.ownership} names={view.ownerNames ?? {}} />
                  </section>
                ) : null}
                <section aria-labelledby="export-title">
                  <h2 id="export-title">Export</h2>
                  <p>A CSV file with every figure above, for the team and each agent, one figure a row.</p>
                  <div class="actions">
                    <button type="button" class="primary" onClick={exportCsv} disabled={data?.kept === true} data-testid="export-csv">
                      Download CSV
                    </button>
                    <span role="status" data-testid="export-status">
                      {exported}
                    </span>
                  </div>
                </section>
              </>
            )
          ) : null}
        </main>
      </div>
    </div>
  );
}
