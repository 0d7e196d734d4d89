/**
 * Pulled team documents of the shared inbox, turned into local records and stored apart from
 * the team's case records: claims and assignments become ownership changes, notes become notes
 * (mentions checked again), presence records replace the install's previous one, and erasure
 * requests name the thread keys to drop. A document that does not check out is skipped.
 */
import { isSharedInboxDoc, SHARED_INBOX_DOC_TYPES, type SyncDoc } from '../cases/team-docs';
import { DOC_SPEC } from '../sync/docs';
import { putPulledSharedInbox, type PulledSharedInbox, type StoredSharedInbox } from '../db/shared-inbox-records';
import type { CaselineDb, NoteRecord, OwnershipRecord } from '../db/schema';
import { parsePresence } from '../shared-inbox/presence';
import { isHandle } from '../shared-inbox/team-roster';
import { isThreadKey } from '../shared-inbox/thread-key';
import { MENTIONS_MAX, NOTE_MAX } from '../shared-inbox/team-notes';

const nameOf = (name: unknown): { name?: string } => (typeof name === 'string' && name.trim() !== '' ? { name: name.trim().slice(0, 200) } : {});

/** Document ids of the shared inbox's types (`cl:`, `as:`, `nt:`, `pr:`): a deletion of one is ours to apply. */
const SHARED_PREFIXES = SHARED_INBOX_DOC_TYPES.map((t) => `${DOC_SPEC[t].idPrefix}:`);

export function sharedInboxRecords(docs: readonly SyncDoc[], ownPresenceId?: string, deletedIds: readonly string[] = []): PulledSharedInbox {
  const out: PulledSharedInbox = { ownership: [], notes: [], presence: [], erasedThreads: [], deletedDocs: deletedIds.filter((id) => SHARED_PREFIXES.some((p) => id.startsWith(p))) };
  for (const doc of docs) {
    switch (doc.type) {
      case 'claim': {
        const c = doc.claim;
        if (!isThreadKey(c.thread) || c.by !== doc.author) break;
        if (c.change === 'handed_on' && !isHandle(c.owner)) break;
        const owner = c.change === 'handed_on' ? { owner: c.owner! } : {};
        out.ownership.push({ id: c.id, thread: c.thread, type: c.change, at: c.at, by: c.by, ...owner, ...nameOf(c.name), origin: 'team', docId: doc._id } satisfies OwnershipRecord);
        break;
      }
      case 'assignment': {
        const a = doc.assignment;
        if (!isThreadKey(a.thread) || a.by !== doc.author || (a.owner !== undefined && !isHandle(a.owner))) break;
        out.ownership.push({ id: a.id, thread: a.thread, type: 'assigned', at: a.at, by: a.by, ...(a.owner ? { owner: a.owner } : {}), ...nameOf(a.name), origin: 'team', docId: doc._id });
        break;
      }
      case 'note': {
        const n = doc.note;
        if (!isThreadKey(n.thread) || n.by !== doc.author || typeof n.text !== 'string' || n.text.length > NOTE_MAX) break;
        const mentions = Array.isArray(n.mentions) ? [...new Set(n.mentions.filter(isHandle))].slice(0, MENTIONS_MAX) : [];
        out.notes.push({ id: n.id, thread: n.thread, by: n.by, at: n.at, text: n.text, mentions, ...nameOf(n.name), origin: 'team', docId: doc._id } satisfies NoteRecord);
        break;
      }
      case 'presence': {
        if (doc._id === ownPresenceId || doc.presence.by !== doc.author) break;
        const p = parsePresence({ id: doc._id, ...doc.presence });
        if (p) out.presence.push(p);
        break;
      }
      case 'erasure': {
        const threads = (doc.erasure as { threads?: unknown }).threads;
        if (Array.isArray(threads)) out.erasedThreads.push(...threads.filter(isThreadKey));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Stores what of a pulled batch belongs to the shared inbox; the rest is for the team's records. */
export async function storeSharedInboxDocs(db: CaselineDb, docs: readonly SyncDoc[], ownPresenceId?: string, deletedIds: readonly string[] = []): Promise<{ rest: SyncDoc[]; stored: StoredSharedInbox }> {
  const records = sharedInboxRecords(docs, ownPresenceId, deletedIds);
  const stored = await putPulledSharedInbox(db, records);
  return { rest: docs.filter((d) => !isSharedInboxDoc(d)), stored };
}
