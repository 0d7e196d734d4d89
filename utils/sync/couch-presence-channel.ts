/**
 * Presence over the team database (utils/shared-inbox/presence-channel.ts): this install's
 * record is one `presence` document, rewritten in place at each change and heartbeat (the
 * validation lets its author do that, and nothing else); the others' records are read as they
 * change.
 *
 * Reading: the team's live `_changes` feed brings the others' records as the server takes them
 * (`take`, from the background's pull hook). While someone listens and the feed is not live
 * (connecting, reconnecting, or no page keeps it up), the `pr:` documents are read every
 * `pollMs` instead (one `_all_docs` range request, a few hundred bytes per agent); one read is
 * made when the first listener comes, so a tab sees who is there at once.
 */
import type { PresenceChannel } from '../shared-inbox/presence-channel';
import { parsePresence, type AgentPresence } from '../shared-inbox/presence';
import { CouchError, type CouchClient } from './couch-client';
import { DOC_SPEC } from './docs';

export interface CouchPresenceOptions {
  /** A signed-in client, or undefined when there is none (sync off, signed out). */
  client: () => Promise<CouchClient | undefined>;
  /** How often the others' records are read while someone listens and the feed is not live (default 2 s). */
  pollMs?: number;
  /** Whether the live feed brings presence now (the poll then rests). */
  live?: () => boolean;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

const PREFIX = `${DOC_SPEC.presence.idPrefix}:`;

/** The presence document for a record. */
export function presenceDoc(record: AgentPresence): { _id: string } & Record<string, unknown> {
  return {
    _id: record.id,
    type: 'presence',
    author: record.by,
    agentId: record.by,
    createdAt: record.at,
    presence: { at: record.at, by: record.by, threads: record.threads, ...(record.name ? { name: record.name } : {}) },
  };
}

/** A record from a presence document (checked; null when it is not one). */
export function presenceOfDoc(doc: unknown): AgentPresence | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const d = doc as { _id?: unknown; type?: unknown; author?: unknown; presence?: Record<string, unknown> };
  if (d.type !== 'presence' || typeof d._id !== 'string' || !d.presence || d.presence.by !== d.author) return null;
  return parsePresence({ id: d._id, ...d.presence });
}

export class CouchPresenceChannel implements PresenceChannel {
  private rev: string | undefined;
  private readonly listeners = new Set<(records: AgentPresence[]) => void>();
  private timer: unknown;
  private reading: Promise<AgentPresence[]> | undefined;

  constructor(private readonly opts: CouchPresenceOptions) {}

  async publish(record: AgentPresence): Promise<boolean> {
    const client = await this.opts.client();
    if (!client) return false;
    const doc = presenceDoc(record);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const written = await client.putDoc({ ...doc, ...(this.rev ? { _rev: this.rev } : {}) });
        this.rev = written.rev;
        return true;
      } catch (error) {
        // Another revision is current (a restarted worker, another tab's write): take its rev, once.
        if (attempt === 0 && error instanceof CouchError && (error.kind === 'conflict' || (error.kind === 'forbidden' && /append-only/.test(error.reason ?? '')))) {
          this.rev = (await client.getDoc(doc._id).catch(() => undefined))?._rev;
          continue;
        }
        return false;
      }
    }
    return false;
  }

  subscribe(listener: (records: AgentPresence[]) => void): () => void {
    this.listeners.add(listener);
    if (this.timer === undefined) {
      const every = this.opts.setInterval ?? ((fn, ms) => setInterval(fn, ms));
      this.timer = every(() => {
        if (!this.opts.live?.()) void this.read();
      }, this.opts.pollMs ?? 2_000);
      void this.read();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer !== undefined) {
        (this.opts.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>)))(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** Records that arrived another way (the live feed): handed to the listeners. */
  take(docs: readonly unknown[]): void {
    const records = docs.map(presenceOfDoc).filter((r): r is AgentPresence => r !== null);
    if (records.length > 0) for (const l of this.listeners) l(records);
  }

  /** Reads every presence document once (the poll); a read under way is shared. */
  read(): Promise<AgentPresence[]> {
    this.reading ??= this.readOnce().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async readOnce(): Promise<AgentPresence[]> {
    try {
      const client = await this.opts.client();
      if (!client) return [];
      const all = await client.allDocs({ startkey: PREFIX, endkey: `${PREFIX}\ufff0`, includeDocs: true });
      const records = all.rows.map((r) => presenceOfDoc(r.doc)).filter((r): r is AgentPresence => r !== null);
      for (const l of this.listeners) l(records);
      return records;
    } catch {
      return [];
    }
  }
}
