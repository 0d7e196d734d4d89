/**
 * How presence travels between installs, as an interface: the background's implementation
 * writes this install's record to the team database and reads the others' (utils/extension/
 * team-presence-channel.ts); tests use the in-memory hub below, which behaves the same way.
 */
import type { AgentPresence } from './presence';

export interface PresenceChannel {
  /** Writes this install's record (replacing its previous one). Resolves false when it could not be sent. */
  publish(record: AgentPresence): Promise<boolean>;
  /** Called with every record that arrives (others' and, possibly, one's own); returns the unsubscribe. */
  subscribe(listener: (records: AgentPresence[]) => void): () => void;
}

/** Every install's latest record in memory; each channel is one install's view of it. */
export class MemoryPresenceHub {
  private readonly records = new Map<string, AgentPresence>();
  private readonly listeners = new Set<(records: AgentPresence[]) => void>();
  /** Installs that cannot reach the hub (a test's "offline"). */
  readonly offline = new Set<string>();

  channel(installId: string): PresenceChannel {
    return {
      publish: async (record) => {
        if (this.offline.has(installId)) return false;
        this.records.set(record.id, structuredClone(record));
        const all = this.all();
        for (const l of this.listeners) l(all);
        return true;
      },
      subscribe: (listener) => {
        const wrapped = (records: AgentPresence[]) => {
          if (!this.offline.has(installId)) listener(records);
        };
        this.listeners.add(wrapped);
        if (!this.offline.has(installId)) listener(this.all());
        return () => this.listeners.delete(wrapped);
      },
    };
  }

  all(): AgentPresence[] {
    return [...this.records.values()].map((r) => structuredClone(r));
  }
}
