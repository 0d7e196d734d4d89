/**
 * The shared inbox's team documents (claim, assignment, note, presence) under both checkers:
 * the extension's (valibot) and the team database's validate_doc_update (ES5), run directly.
 */
import { describe, expect, it } from 'vitest';
import { docIdFor, parseSyncDoc, validateDocUpdateSource } from '../../../utils/sync/docs';
import { takeChanges } from '../../../utils/sync/pull';
import { CASE_KEY_FIELD, teamCaseOf, type SyncDoc } from '../../../utils/cases/team-docs';
import { outboxEntryToDoc } from '../../../utils/sync/push';
import { ownershipSyncDoc, noteSyncDoc, sharedInboxPayload } from '../../../utils/privacy/shared-inbox-docs';
import { payloadOf } from '../../../utils/desk/idb-sync-store';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: { name: string | null; roles: string[] }, secObj: unknown) => void;
const validate = new Function(`return (${validateDocUpdateSource()});`)() as Validate;
const ann = { name: 'ann', roles: ['caseline-agent'] };
const lea = { name: 'lea', roles: ['caseline-lead'] };

function verdict(doc: unknown, user = ann, oldDoc: unknown = null): string | undefined {
  try {
    validate(doc, oldDoc, user, {});
    return undefined;
  } catch (e) {
    const err = e as { forbidden?: string; unauthorized?: string };
    return err.forbidden ?? err.unauthorized ?? String(e);
  }
}

const THREAD = 'f'.repeat(64);
const doc = (type: string, payload: Record<string, unknown>, author = 'ann', tail = '01HZX3Y4Z5') => ({
  _id: docIdFor(type as never, author, tail),
  type,
  author,
  agentId: author,
  createdAt: '2026-03-02T09:00:00.000Z',
  [type]: payload,
});
const agree = (d: unknown, user = ann, old: unknown = null) => {
  const server = verdict(d, user, old);
  // The client checks shape and authorship fields; the server also checks who is signed in.
  if (old === null && (d as { author?: string }).author === user.name) expect(parseSyncDoc(d).ok).toBe(server === undefined);
  return server;
};

const bob = { name: 'bob', roles: ['caseline-agent'] };

describe('claims', () => {
  const claim = { id: '01HZ1', thread: THREAD, change: 'claimed', at: '2026-03-02T09:00:00Z', by: 'ann' };
  it('an agent claims in their own name only', () => {
    expect(agree(doc('claim', claim))).toBeUndefined();
    expect(agree(doc('claim', { ...claim, by: 'bob' }))).toContain('claim.by must be the logged-in user');
    expect(agree(doc('claim', { ...claim, change: 'stolen' }))).toContain('claim.change');
    expect(agree(doc('claim', { ...claim, thread: 'x'.repeat(65) }))).toContain('claim.thread');
  });
  it('a claim in someone else\'s name is refused however it is dressed', () => {
    // Signed in as ann, writing bob's claim: by, author, agentId and id all say bob.
    const asBob = doc('claim', { ...claim, by: 'bob' }, 'bob');
    expect(verdict(asBob, ann)).toContain('author must be the logged-in user (ann)');
    // Author ann but agentId bob (the dashboard used to attribute by agentId).
    expect(verdict({ ...doc('claim', claim), agentId: 'bob' }, ann)).toContain('agentId must be the logged-in user');
    // Everything ann's, but filed under bob's id.
    expect(verdict({ ...doc('claim', claim), _id: docIdFor('claim', 'bob', '01HZX') }, ann)).toContain('_id must be');
    expect(parseSyncDoc({ ...doc('claim', claim), agentId: 'bob' }).ok).toBe(false);
  });
  it('a hand-on names the next owner, written by the one handing on', () => {
    expect(agree(doc('claim', { ...claim, change: 'handed_on', owner: 'bob' }))).toBeUndefined();
    expect(verdict(doc('claim', { ...claim, change: 'handed_on', by: 'bob', owner: 'bob' }, 'bob'), bob)).toBeUndefined();
  });
  it('a grafted later revision of a claim is refused, and a pull never takes one', () => {
    const d = doc('claim', claim);
    expect(verdict({ ...d, _rev: '2-abc', _revisions: { start: 2, ids: ['abc', 'def'] } }, ann)).toContain('grafted branch refused');
    const taken = takeChanges({ results: [{ id: d._id, seq: 1, changes: [{ rev: '2-abc' }], doc: { ...d, _rev: '2-abc' } }], last_seq: 1 } as never, 'agent');
    expect(taken.docs).toEqual([]);
    expect(taken.deletedIds).toEqual([d._id]);
  });
});

describe('the lead\'s view: shared-inbox records name no author\'s case', () => {
  it('claims, assignments, notes and presence have no case key field, so "the author owns the case" never files them', () => {
    expect([CASE_KEY_FIELD.claim, CASE_KEY_FIELD.assignment, CASE_KEY_FIELD.note, CASE_KEY_FIELD.presence]).toEqual([null, null, null, null]);
    // Bob's note on a conversation ann owns, and lea's assignment of it: about the thread, never filed under bob's or lea's case.
    const note = doc('note', { id: 'bob:01', thread: THREAD, at: '2026-03-02T09:00:00Z', by: 'bob', text: 'I spoke to them', caseId: 'ann-case' }, 'bob') as unknown as SyncDoc;
    const assignment = doc('assignment', { id: '01', thread: THREAD, at: '2026-03-02T09:00:00Z', by: 'lea', owner: 'ann' }, 'lea') as unknown as SyncDoc;
    expect(teamCaseOf(note)).toBeUndefined();
    expect(teamCaseOf(assignment)).toBeUndefined();
  });
});

describe('assignments', () => {
  const assignment = { id: '01HZ2', thread: THREAD, at: '2026-03-02T09:00:00Z', by: 'lea', owner: 'ann' };
  it('are written by leads only', () => {
    expect(agree(doc('assignment', assignment, 'lea'), lea)).toBeUndefined();
    expect(verdict(doc('assignment', { ...assignment, by: 'ann' }, 'ann'), ann)).toContain('written by caseline-lead');
  });
});

describe('notes', () => {
  const note = { id: 'ann:01HZ3', thread: THREAD, at: '2026-03-02T09:00:00Z', by: 'ann', text: 'Called the customer back', mentions: ['bob'] };
  it('carry their text, up to 2,000 characters, in the writer\'s name', () => {
    expect(agree(doc('note', note))).toBeUndefined();
    expect(agree(doc('note', { ...note, text: 'x'.repeat(2001) }))).toContain('note.text');
    expect(agree(doc('note', { ...note, text: '' }))).toContain('note.text');
    expect(agree(doc('note', { ...note, by: 'lea' }))).toContain('note.by');
  });
  it('stay append-only', () => {
    const d = doc('note', note);
    expect(verdict({ ...d, _rev: '1-a' }, ann, d)).toContain('append-only');
  });
});

describe('presence', () => {
  const presence = { at: '2026-03-02T09:00:00Z', by: 'ann', threads: { [THREAD]: { state: 'replying', since: '2026-03-02T08:58:00Z' } } };
  const mine = doc('presence', presence, 'ann', 'agent-1');
  it('is rewritten in place by its author, and by nobody else', () => {
    expect(agree(mine)).toBeUndefined();
    const next = { ...mine, _rev: '1-a', presence: { ...presence, at: '2026-03-02T09:00:15Z', threads: {} } };
    expect(verdict(next, ann, mine)).toBeUndefined();
    // The tenth heartbeat: a later revision over the stored one is the author's rewrite, not a graft.
    expect(verdict({ ...next, _rev: '9-z' }, ann, { ...mine, _rev: '9-z' })).toBeUndefined();
    const hijack = { ...next, author: 'bob', agentId: 'bob', presence: { ...next.presence, by: 'bob' } };
    expect(verdict(hijack, bob, mine)).toContain('belongs to ann');
    // Bob keeping ann as author: still not the signed-in user.
    expect(verdict(next, bob, mine)).toContain('belongs to ann');
    // Appearing present in someone else's name from the start.
    expect(verdict(doc('presence', { ...presence, by: 'bob' }, 'bob', 'x'), ann)).toContain('author must be the logged-in user (ann)');
    expect(verdict(doc('presence', { ...presence, by: 'bob' }), ann)).toContain('presence.by must be the logged-in user');
    // Another type cannot be written over a presence record either.
    expect(verdict({ ...doc('note', { id: 'n', thread: THREAD, at: presence.at, by: 'ann', text: 'x' }), _id: mine._id }, ann, mine)).toContain('append-only');
  });
  it('is never deleted by a user, and a grafted revision without a stored one is refused', () => {
    expect(verdict({ _id: mine._id, _rev: '2-b', _deleted: true }, ann, mine)).toContain('never deleted');
    expect(verdict({ ...mine, _rev: '3-c', _revisions: { start: 3, ids: ['c', 'b'] } }, ann)).toContain('grafted branch refused');
  });
  it('a pull takes its later revisions (short-lived, rewritten in place), still bound to its author', () => {
    const page = {
      results: [
        { id: mine._id, seq: 7, changes: [{ rev: '12-z' }], doc: { ...mine, _rev: '12-z' } },
        { id: 'pr:bob:x', seq: 8, changes: [{ rev: '4-y' }], doc: { ...doc('presence', presence, 'bob', 'x'), _rev: '4-y' } },
      ],
      last_seq: 8,
    };
    const taken = takeChanges(page as never, 'agent');
    expect(taken.docs.map((d) => d._id)).toEqual([mine._id]);
    expect(taken.deletedIds).toEqual([]);
    expect(taken.invalid.map((i) => i.id)).toEqual(['pr:bob:x']);
  });
});

describe('from the outbox', () => {
  it('an own ownership change and a note become documents both checkers accept', () => {
    const change = ownershipSyncDoc({ id: '01HZ9', thread: THREAD, type: 'handed_on', at: '2026-03-02T09:00:00.000Z', by: 'ann', owner: 'bob' });
    expect(change).toEqual({ kind: 'claim', id: '01HZ9', thread: THREAD, change: 'handed_on', at: '2026-03-02T09:00:00.000Z', by: 'ann', owner: 'bob' });
    const built = outboxEntryToDoc({ id: 'ann:01HZ9', kind: 'claim', doc: payloadOf(change), state: 'pending', attempts: 0, createdAt: '2026-03-02T09:00:00.000Z' }, 'ann');
    expect(built.ok).toBe(true);
    if (built.ok) expect(verdict(built.doc)).toBeUndefined();
    const note = noteSyncDoc({ id: 'ann:01HZA', thread: THREAD, by: 'ann', at: '2026-03-02T09:00:00.000Z', text: 'See @bob', mentions: ['bob'] });
    expect(sharedInboxPayload(note)).toEqual({ id: 'ann:01HZA', thread: THREAD, by: 'ann', at: '2026-03-02T09:00:00.000Z', text: 'See @bob', mentions: ['bob'] });
    const assigned = ownershipSyncDoc({ id: '01HZB', thread: THREAD, type: 'assigned', at: '2026-03-02T09:00:00.000Z', by: 'lea' });
    expect(assigned).toEqual({ kind: 'assignment', id: '01HZB', thread: THREAD, at: '2026-03-02T09:00:00.000Z', by: 'lea' });
  });
});
