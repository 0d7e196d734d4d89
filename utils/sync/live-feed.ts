/**
 * Following the team database as it changes: `_changes?feed=longpoll` from the stored checkpoint,
 * with a heartbeat (an empty line every few seconds keeps proxies from closing the idle
 * connection). The server answers as soon as there is a change (at once, when changes wait
 * since the checkpoint: catching up needs no other request); each answer is sorted and stored
 * like a pull's (pull.ts) and the checkpoint moves after it. One request is held at most
 * `waitMs` (the client gives up and asks again: an extension service worker does not wait on a
 * fetch for longer than 30 s), so a stopped server or a cut connection is noticed in time.
 * Errors reconnect after exponential backoff with full jitter (1 s, 2 s, 4 s … at most 60 s);
 * a 401 signs in again through the client's `relogin`. Nothing here knows about browsers: the
 * background runs it while someone looks (docs/sync.md, "Live"), tests and benches in Node.
 */
import { CouchError, type CouchClient } from './couch-client';
import { changesSelector, takeChanges, type ApplyBatch, type SyncRole, type TakenPage } from './pull';
import type { Seq, SyncStore } from './types';

export const LIVE_RETRY_BASE_MS = 1_000;
export const LIVE_RETRY_MAX_MS = 60_000;

export type LiveState =
  | { status: 'connecting' }
  | { status: 'live'; since: Seq }
  | { status: 'retrying'; attempt: number; retryAt: number; error: string }
  | { status: 'stopped' };

export interface LiveFeedOptions {
  client: CouchClient;
  store: SyncStore;
  role: SyncRole;
  apply: ApplyBatch;
  checkpointKey: string;
  /** After each stored batch (not after an answer with nothing in it). */
  onBatch?: (taken: TakenPage, lastSeq: Seq) => void | Promise<void>;
  onState?: (state: LiveState) => void;
  /** Heartbeat asked of the server (default 10 s). */
  heartbeatMs?: number;
  /** How long one longpoll request is held before it is made again (default 25 s). */
  waitMs?: number;
  /** Changes per answer (default 500). */
  limit?: number;
  /** Server-side filtering (default: on for agents, as pull). */
  serverFilter?: boolean;
  random?: () => number;
}

/** Exponential backoff with full jitter for reconnecting: attempt 1 waits up to 1 s, then 2 s, … 60 s. */
export function liveRetryDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LIVE_RETRY_MAX_MS, LIVE_RETRY_BASE_MS * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.floor(Math.min(Math.max(random(), 0), 1 - Number.EPSILON) * ceiling);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

export class LiveFeed {
  private controller: AbortController | undefined;
  private loop: Promise<void> | undefined;
  /** Longpoll answers received (with or without changes), errors met: for the sync page and tests. */
  readonly counts = { answers: 0, batches: 0, errors: 0 };
  private state: LiveState = { status: 'stopped' };

  constructor(private readonly opts: LiveFeedOptions) {}

  get running(): boolean {
    return this.loop !== undefined;
  }

  get currentState(): LiveState {
    return this.state;
  }

  /** Starts following (no-op when already running). */
  start(): void {
    if (this.loop) return;
    const controller = new AbortController();
    this.controller = controller;
    this.loop = this.run(controller.signal).finally(() => {
      if (this.controller === controller) {
        this.loop = undefined;
        this.controller = undefined;
      }
      this.setState({ status: 'stopped' });
    });
  }

  /** Stops following; resolves once the loop has ended (an open request is aborted). */
  async stop(): Promise<void> {
    const loop = this.loop;
    this.controller?.abort();
    await loop;
  }

  private setState(state: LiveState): void {
    this.state = state;
    this.opts.onState?.(state);
  }

  private async run(stopped: AbortSignal): Promise<void> {
    const { client, store, role, apply, checkpointKey } = this.opts;
    const selector = (this.opts.serverFilter ?? role === 'agent') ? changesSelector(role) : undefined;
    const waitMs = this.opts.waitMs ?? 25_000;
    let attempt = 0;
    // First (and after an error) a normal request: it answers at once, so the feed knows the
    // server is there and takes what waited since the checkpoint; then longpoll.
    let catchingUp = true;
    this.setState({ status: 'connecting' });
    while (!stopped.aborted) {
      const since: Seq = (await store.getCheckpoint(checkpointKey)) ?? 0;
      const request = new AbortController();
      const onStop = () => request.abort();
      stopped.addEventListener('abort', onStop, { once: true });
      let waited = false;
      const timer = setTimeout(() => {
        waited = true;
        request.abort();
      }, waitMs);
      try {
        const limit = this.opts.limit ?? 500;
        const page = await client.changes(since, {
          ...(catchingUp ? { feed: 'normal' as const } : { feed: 'longpoll' as const, heartbeatMs: this.opts.heartbeatMs ?? 10_000 }),
          limit,
          includeDocs: true,
          signal: request.signal,
          timeoutMs: waitMs + 5_000,
          ...(selector ? { selector } : {}),
        });
        this.counts.answers += 1;
        const taken = takeChanges(page, role);
        if (taken.docs.length > 0 || taken.deletedIds.length > 0) await apply(taken.docs, taken.deletedIds);
        if (page.lastSeq !== since) await store.putCheckpoint(checkpointKey, page.lastSeq);
        if (taken.docs.length > 0 || taken.deletedIds.length > 0 || taken.invalid.length > 0) {
          this.counts.batches += 1;
          await this.opts.onBatch?.(taken, page.lastSeq);
        }
        if (catchingUp && (page.pending !== undefined ? page.pending === 0 : page.results.length < limit)) catchingUp = false;
        if (!catchingUp && this.state.status !== 'live') this.setState({ status: 'live', since: page.lastSeq });
        attempt = 0;
      } catch (error) {
        if (stopped.aborted) break;
        if (waited) continue; // nothing changed while we waited: ask again
        this.counts.errors += 1;
        attempt += 1;
        catchingUp = true;
        const delay = liveRetryDelay(attempt, this.opts.random);
        const message = error instanceof CouchError || error instanceof Error ? error.message : String(error);
        this.setState({ status: 'retrying', attempt, retryAt: Date.now() + delay, error: message });
        await sleep(delay, stopped);
      } finally {
        clearTimeout(timer);
        stopped.removeEventListener('abort', onStop);
      }
    }
  }
}
