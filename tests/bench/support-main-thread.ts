/**
 * For browser benches: what a page's main thread spent, three ways.
 * - `mainThreadMetrics`: Chrome's own counters (CDP Performance.getMetrics), all scripts and all
 *   tasks of the renderer's main thread, page and extension alike, in ms.
 * - `watchLongTasks`: a PerformanceObserver for 'longtask' (> 50 ms) installed in the page.
 * - `profileScriptTime`: a V8 sampling profile of the page's isolate (content scripts run in it,
 *   in their own world), summing the samples whose stack holds a frame of a given script origin:
 *   that origin's own main-thread time, including the layout and DOM work its calls force (but
 *   not work Blink does for it outside its calls, such as queuing MutationRecords for its observer).
 */
import type { CDPSession, Page } from 'puppeteer';

export interface MainThreadMetrics {
  scriptMs: number;
  taskMs: number;
  layoutMs: number;
  styleMs: number;
}

export async function mainThreadMetrics(client: CDPSession): Promise<MainThreadMetrics> {
  const { metrics } = await client.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { scriptMs: get('ScriptDuration'), taskMs: get('TaskDuration'), layoutMs: get('LayoutDuration'), styleMs: get('RecalcStyleDuration') };
}

export function metricsDelta(a: MainThreadMetrics, b: MainThreadMetrics): MainThreadMetrics {
  return { scriptMs: b.scriptMs - a.scriptMs, taskMs: b.taskMs - a.taskMs, layoutMs: b.layoutMs - a.layoutMs, styleMs: b.styleMs - a.styleMs };
}

export async function metricsSession(page: Page): Promise<CDPSession> {
  const client = await page.createCDPSession();
  await client.send('Performance.enable', { timeDomain: 'threadTicks' });
  return client;
}

/** Starts recording long tasks in the page from now; the returned function reads them (page time, ms). */
export interface LongTask {
  start: number;
  duration: number;
}

export async function watchLongTasks(page: Page): Promise<() => Promise<LongTask[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __benchLongTasks?: Array<{ start: number; duration: number }>; __benchLongTaskObserver?: PerformanceObserver };
    w.__benchLongTaskObserver?.disconnect();
    w.__benchLongTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__benchLongTasks?.push({ start: e.startTime, duration: e.duration });
    });
    observer.observe({ type: 'longtask' });
    w.__benchLongTaskObserver = observer;
  });
  return async () => {
    // Entries are delivered asynchronously: give the observer one more turn.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    return page.evaluate(() => [...((window as unknown as { __benchLongTasks?: Array<{ start: number; duration: number }> }).__benchLongTasks ?? [])]);
  };
}

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}

export interface ScriptProfile {
  /** ms with a frame of the script on the stack over the whole profile. */
  ms: number;
  totalMs: number;
  /** The same, between two instants of the page's performance.now() (ms). */
  msBetween(start: number, end: number): number;
}

/** Page-side busy loop with a name the profile shows, returning its page time: ties profile time to performance.now(). */
const CLOCK_MARK = '(function benchClockMark() { const t = performance.now(); while (performance.now() - t < 3) {} return t; })()';

/**
 * Runs `work` under the V8 sampling profiler and returns the time spent with a frame from
 * `urlPrefix` on the stack. Each sample counts until the next one, at most 1 ms (the sampler skips
 * idle stretches, which must not be charged to the last frame seen).
 */
export async function profileScriptTime(page: Page, urlPrefix: string, work: () => Promise<void>, samplingMicros = 100): Promise<ScriptProfile> {
  const client = await page.createCDPSession();
  await client.send('Profiler.enable');
  await client.send('Profiler.setSamplingInterval', { interval: samplingMicros });
  await client.send('Profiler.start');
  let profile: Awaited<ReturnType<typeof stop>>;
  let markPageMs = Number.NaN;
  const stop = async () => (await client.send('Profiler.stop')).profile;
  try {
    markPageMs = (await page.evaluate(CLOCK_MARK)) as number;
    await work();
  } finally {
    profile = await stop();
    await client.detach();
  }
  const nodes = profile.nodes as ProfileNode[];
  const parent = new Map<number, number>();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number): boolean => {
    const known = ours.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id);
    const up = parent.get(id);
    const value = !!node && (node.callFrame.url.startsWith(urlPrefix) || (up !== undefined && isOurs(up)));
    ours.set(id, value);
    return value;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Sample i: its time (µs, profile clock) and weight (ms).
  const at: number[] = [];
  let ts = profile.startTime;
  for (let i = 0; i < samples.length; i += 1) {
    ts += deltas[i] ?? 0;
    at.push(ts);
  }
  const weight = (i: number) => Math.min((deltas[i + 1] ?? 0) / 1000, 1);
  let ms = 0;
  let offsetUs = Number.NaN;
  for (let i = 0; i + 1 < samples.length; i += 1) {
    const id = samples[i];
    if (id === undefined) continue;
    if (Number.isNaN(offsetUs) && byId.get(id)?.callFrame.functionName === 'benchClockMark') offsetUs = (at[i] ?? 0) - markPageMs * 1000;
    if (isOurs(id)) ms += weight(i);
  }
  return {
    ms,
    totalMs: (profile.endTime - profile.startTime) / 1000,
    msBetween(start, end) {
      if (Number.isNaN(offsetUs)) return Number.NaN;
      const a = start * 1000 + offsetUs;
      const b = end * 1000 + offsetUs;
      let sum = 0;
      for (let i = 0; i + 1 < samples.length; i += 1) {
        const id = samples[i];
        const t = at[i] ?? 0;
        if (id !== undefined && t >= a && t < b && isOurs(id)) sum += weight(i);
      }
      return sum;
    },
  };
}
