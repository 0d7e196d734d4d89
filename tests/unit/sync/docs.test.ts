import { parse } from 'acorn';
import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../utils/cases/events';
import { CASE_EVENT_TYPES, designDocument, docIdFor, parseSyncDoc, splitOutboxId, validateDocUpdateSource } from '../../../utils/sync/docs';
import { DOC_TYPES } from '../../../utils/cases/team-docs';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: { name: string | null; roles: string[] }, secObj: unknown) => void;
// The design document's source, evaluated on its own in a fresh context, the way CouchDB's
// JavaScript engine sees it (no access to this module or Node).
const validate = runInNewContext(`(${validateDocUpdateSource()})`, {}) as Validate;
const agent = { name: 'ann', roles: ['caseline-agent'] };
const lead = { name: 'lea', roles: ['caseline-lead'] };

/** What the server says: undefined = accepted, otherwise the forbidden/unauthorized reason. */
function serverVerdict(doc: unknown, user: { name: string | null; roles: string[] } = agent, oldDoc: unknown = null): string | undefined {
  try {
    validate(doc, oldDoc, user, {});
    return undefined;
  } catch (e) {
    const err = e as { forbidden?: string; unauthorized?: string };
    return err.forbidden ?? err.unauthorized ?? String(e);
  }
}

const base = (type: string, owner = 'ann') => ({
  _id: docIdFor(type as never, owner, '01HZX3Y4Z5'),
  type,
  author: owner,
  agentId: owner,
  createdAt: '2026-03-02T09:00:00.000Z',
});
const validEvent = {
  ...base('event'),
  event: { id: '01HZX3Y4Z5', caseId: 'c1', type: 'received', at: '2026-03-02T09:00:00Z', actor: 'customer', source: 'auto', data: {} },
};

describe('document shapes', () => {
  it('lists every case event type of the contract', () => {
    expect(new Set(CASE_EVENT_TYPES).size).toBe(CASE_EVENT_TYPES.length);
    expect(CASE_EVENT_TYPES).toContain('outcome_recorded');
  });

  it('derives ids from the owner and the outbox id’s ULID', () => {
    expect(docIdFor('event', 'ann', '01HZX')).toBe('ev:ann:01HZX');
    expect(docIdFor('outcome', 'ann', '01HZX')).toBe('oc:ann:01HZX');
    expect(splitOutboxId('A1:01HZX')).toEqual({ agentId: 'A1', ulid: '01HZX' });
    expect(splitOutboxId('A1:')).toBeUndefined();
    expect(splitOutboxId(':x')).toBeUndefined();
    expect(splitOutboxId('nocolon')).toBeUndefined();
  });

  it('accepts a valid document on both sides', () => {
    expect(parseSyncDoc(validEvent)).toEqual({ ok: true, doc: validEvent });
    expect(serverVerdict(validEvent)).toBeUndefined();
    const outcome = { ...base('outcome'), outcome: { caseId: 'c1', csat: 4, nps: 10, code: 'fixed' } };
    expect(parseSyncDoc(outcome).ok).toBe(true);
    expect(serverVerdict(outcome)).toBeUndefined();
  });

  it('names the field that is wrong', () => {
    const bad = { ...validEvent, event: { ...validEvent.event, at: 'yesterday' } };
    expect(parseSyncDoc(bad)).toMatchObject({ ok: false, reason: expect.stringContaining('event.at') });
    expect(serverVerdict(bad)).toContain('event.at');
    expect(parseSyncDoc({ ...validEvent, _id: 'ev:bob:01HZX3Y4Z5' })).toMatchObject({ ok: false, reason: expect.stringContaining('_id') });
    expect(parseSyncDoc({ type: 'gossip' })).toEqual({ ok: false, reason: 'unknown type "gossip"' });
    expect(parseSyncDoc(null)).toEqual({ ok: false, reason: 'not an object' });
  });

  it('server rules beyond shape: author, roles, append-only, admins bypass', () => {
    expect(serverVerdict({ ...validEvent, author: 'bob' })).toContain('author must be the logged-in user');
    expect(serverVerdict(validEvent, { name: 'ann', roles: [] })).toContain('only Caseline agents and leads');
    expect(serverVerdict(validEvent, agent, validEvent)).toContain('append-only');
    expect(serverVerdict({ ...validEvent, _deleted: true })).toContain('never deleted');
    const publication = { templateId: 't1', version: 1, status: 'withdrawn', at: '2026-03-02T09:00:00Z' };
    expect(serverVerdict({ ...base('template'), template: publication })).toContain('written by caseline-lead');
    expect(serverVerdict({ ...base('template', 'lea'), template: publication }, lead)).toBeUndefined();
    expect(serverVerdict({ ...base('event', 'lea'), event: validEvent.event }, lead)).toBeUndefined();
    expect(serverVerdict({ ...validEvent, author: 'someone' }, { name: 'root', roles: ['_admin'] })).toBeUndefined();
    expect(serverVerdict({ ...validEvent, author: 'someone' }, { name: 'ops', roles: ['caseline-admin'] })).toBeUndefined();
  });

  it('the design document carries the same source, in ES5 (a parser for ECMAScript 5 reads it)', () => {
    const src = designDocument().validate_doc_update;
    expect(src).toBe(validateDocUpdateSource());
    expect(() => parse(`(${src})`, { ecmaVersion: 5 })).not.toThrow();
    expect(() => parse('(function () { const x = 1; return x; })', { ecmaVersion: 5 })).toThrow();
  });

  it('valibot and the server source agree on generated documents', () => {
    const str = fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 8 }));
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const instant = fc.oneof(fc.constant('2026-03-02T09:00:00Z'), fc.constant('2026-03-02T09:00:00.123+01:00'), fc.constant('2026-03-02'), str);
    const payload = fc.record(
      {
        id: str,
        caseId: str,
        type: fc.constantFrom(...CASE_EVENT_TYPES, 'nope'),
        at: instant,
        actor: str,
        source: fc.constantFrom('auto', 'agent', 'robot'),
        data: fc.oneof(fc.constant({}), fc.constant(null), fc.constant([]), fc.constant('x')),
        csat: maybe(fc.oneof(fc.integer({ min: -1, max: 7 }), fc.double({ min: 0, max: 6, noNaN: true }))),
        nps: maybe(fc.integer({ min: -1, max: 12 })),
        category: maybe(fc.constantFrom(...CATEGORIES, 'spam')),
        templateId: maybe(str),
        version: maybe(fc.integer({ min: -1, max: 3 })),
        status: maybe(fc.constantFrom('approved', 'withdrawn', 'draft')),
        name: maybe(str),
        stage: maybe(fc.constantFrom('greeting', 'resolution', 'nowhere')),
        categories: maybe(fc.constantFrom([], ['complaint'], ['spam'], 'complaint')),
        approvals: maybe(fc.constantFrom([], [{ version: 1, by: 'lea', at: '2026-03-02T09:00:00Z' }], [{ version: 0, by: 'lea', at: 'x' }], {})),
        policy: maybe(fc.constantFrom({}, [], 'x')),
        holidays: maybe(fc.constantFrom({}, null)),
        subjectHash: maybe(str),
        // The shared inbox's fields (claim, assignment, note, presence).
        thread: maybe(fc.constantFrom('a'.repeat(64), '', 'b'.repeat(65))),
        change: maybe(fc.constantFrom('claimed', 'handed_on', 'released', 'stolen')),
        by: maybe(fc.constantFrom('lea', 'ann')),
        owner: maybe(fc.constantFrom('ann', '')),
        text: maybe(fc.oneof(str, fc.constant('x'.repeat(2001)))),
        threads: maybe(fc.oneof(fc.constant({}), fc.constant([]))),
      },
      { requiredKeys: [] },
    );
    const doc = fc.record({
      type: fc.constantFrom(...DOC_TYPES),
      // Mostly bound to the writer, sometimes not: both verdicts must occur often.
      agentId: fc.oneof({ weight: 5, arbitrary: fc.constant('lea') }, { weight: 1, arbitrary: fc.constantFrom('A1', 'B:2', '') }),
      idAgent: fc.oneof({ weight: 5, arbitrary: fc.constant('lea') }, { weight: 1, arbitrary: fc.constant('B2') }),
      createdAt: instant,
      payload,
    });
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(doc, (d) => {
        const full: Record<string, unknown> = {
          _id: docIdFor(d.type, d.idAgent, '01HZX3Y4Z5'),
          type: d.type,
          author: 'lea',
          agentId: d.agentId,
          createdAt: d.createdAt,
          [d.type]: d.payload,
        };
        const client = parseSyncDoc(full).ok;
        const server = serverVerdict(full, lead) === undefined;
        expect(server).toBe(client);
        if (client) accepted += 1;
        else refused += 1;
      }),
      { numRuns: 2500, seed: 20260302 },
    );
    // Both verdicts occur often enough for the agreement to mean something.
    expect(accepted).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(30);
  });

  it('binds every record to the signed-in user: agentId and id are the user’s, on the server and the client', () => {
    // The hole: an agent writing records the lead would attribute to another agent id.
    const foreign = { ...validEvent, _id: 'ev:A1:01HZX3Y4Z5', agentId: 'A1' };
    expect(serverVerdict(foreign)).toContain('agentId must be the logged-in user');
    expect(parseSyncDoc(foreign)).toMatchObject({ ok: false, reason: expect.stringContaining('agentId must be its author') });
    const asBob = { ...validEvent, _id: 'ev:bob:01HZX3Y4Z5', agentId: 'bob' };
    expect(serverVerdict(asBob)).toContain('agentId must be the logged-in user');
    // User names with ':' cannot write (CouchDB refuses such names; ids would be ambiguous).
    expect(serverVerdict({ ...validEvent, _id: 'ev:a:b:01HZX', author: 'a:b', agentId: 'a:b' }, { name: 'a:b', roles: ['caseline-agent'] })).toContain('without ":"');
    expect(serverVerdict(validEvent, { name: null, roles: ['caseline-agent'] })).toContain('sign in');
  });

  it('refuses revision grafts (new_edits=false): only a first revision may arrive without a stored ancestor', () => {
    // A replicated write of revision 2 whose parent is not stored: CouchDB 3 validates it with
    // oldDoc = null, as if new, and it could then win over the record on file.
    const graft = { ...validEvent, _rev: '2-f00d', _revisions: { start: 2, ids: ['f00d', 'beef'] } };
    expect(serverVerdict(graft, agent, null)).toContain('grafted branch refused');
    expect(serverVerdict({ ...validEvent, _rev: '7-f00d' }, agent, null)).toContain('only a first revision');
    expect(serverVerdict({ ...validEvent, _rev: '1-f00d', _revisions: { start: 1, ids: ['f00d', 'beef'] } }, agent, null)).toContain('only a first revision');
    expect(serverVerdict({ ...validEvent, _revisions: { start: 3, ids: ['a', 'b', 'c'] } }, agent, null)).toContain('only a first revision');
    // A plain replicator's first revision of a new record is fine (PouchDB replication works).
    expect(serverVerdict({ ...validEvent, _rev: '1-f00d', _revisions: { start: 1, ids: ['f00d'] } }, agent, null)).toBeUndefined();
    // Grafting onto another user's record is refused whatever the revision, by the id and the binding.
    const onAnns = { ...validEvent, author: 'bob', agentId: 'bob', _rev: '1-f00d', _revisions: { start: 1, ids: ['f00d'] } };
    expect(serverVerdict(onAnns, { name: 'bob', roles: ['caseline-agent'] }, null)).toContain('_id must be');
    expect(serverVerdict({ ...onAnns, _id: 'ev:bob:01HZX3Y4Z5', _rev: '3-f00d', _revisions: { start: 3, ids: ['f00d', 'x', 'y'] } }, { name: 'bob', roles: ['caseline-agent'] }, null)).toContain('grafted');
  });

  it('nothing stored is written over: not by another author, not by the author, not after a deletion', () => {
    const stored = { ...validEvent, _rev: '1-aaaa' };
    expect(serverVerdict({ ...validEvent, _rev: '1-aaaa', event: { ...validEvent.event, actor: 'x' } }, agent, stored)).toContain('append-only');
    expect(serverVerdict({ ...validEvent, author: 'bob', agentId: 'bob', _rev: '1-aaaa' }, { name: 'bob', roles: ['caseline-agent'] }, stored)).toContain('belongs to ann');
    expect(serverVerdict({ ...validEvent, _rev: '2-bbbb', _revisions: { start: 2, ids: ['bbbb', 'aaaa'] } }, agent, stored)).toContain('already exists');
    // An id deleted by an admin (erasure) stays deleted: a resend cannot bring the record back.
    expect(serverVerdict(validEvent, agent, { _id: validEvent._id, _rev: '2-cccc', _deleted: true })).toContain('stays deleted');
    // The lead alike.
    expect(serverVerdict({ ...base('event', 'lea'), event: validEvent.event, _rev: '1-aaaa' }, lead, stored)).toContain('belongs to ann');
  });

  it('template and settings publications: leads only, with their shape checked', () => {
    const approved = {
      templateId: 'ack',
      version: 2,
      status: 'approved',
      at: '2026-03-02T09:00:00Z',
      name: 'Acknowledgement',
      stage: 'acknowledgement',
      language: 'en',
      categories: ['complaint'],
      body: 'Thank you, {{customer.firstName}}.',
      approvedBy: 'Lea',
      approvedAt: '2026-03-02T08:59:00Z',
      approvals: [{ version: 1, by: 'Lea', at: '2026-02-01T09:00:00Z' }, { version: 2, by: 'Lea', at: '2026-03-02T08:59:00Z' }],
    };
    const doc = { ...base('template', 'lea'), template: approved };
    expect(serverVerdict(doc, lead)).toBeUndefined();
    expect(parseSyncDoc(doc).ok).toBe(true);
    for (const [bad, field] of [
      [{ ...approved, status: 'draft' }, 'template.status'],
      [{ ...approved, categories: ['spam'] }, 'template.categories.0'],
      [{ ...approved, approvals: [{ version: 0, by: 'Lea', at: '2026-03-02T08:59:00Z' }] }, 'template.approvals.0.version'],
      [{ ...approved, at: 'now' }, 'template.at'],
    ] as const) {
      const d = { ...doc, template: bad };
      expect(serverVerdict(d, lead)).toContain(field);
      expect(parseSyncDoc(d)).toMatchObject({ ok: false, reason: expect.stringContaining(field) });
    }
    const settings = { ...base('settings', 'lea'), settings: { version: 3, at: '2026-03-02T09:00:00Z', policy: {}, holidays: {} } };
    expect(serverVerdict(settings, lead)).toBeUndefined();
    expect(serverVerdict({ ...base('settings'), settings: settings.settings })).toContain('written by caseline-lead');
    expect(serverVerdict({ ...settings, settings: { ...settings.settings, version: 0 } }, lead)).toContain('settings.version');
  });
});
