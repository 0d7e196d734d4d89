import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../utils/cases/events';
import { CASE_EVENT_TYPES, designDocument, docIdFor, parseSyncDoc, splitOutboxId, validateDocUpdateSource } from '../../../utils/sync/docs';
import { DOC_TYPES } from '../../../utils/cases/team-docs';

type Validate = (newDoc: unknown, oldDoc: unknown, userCtx: { name: string | null; roles: string[] }, secObj: unknown) => void;
// The design document's source, compiled the way CouchDB's JavaScript engine would see it.
const validate = new Function(`return (${validateDocUpdateSource()});`)() as Validate;
const agent = { name: 'ann', roles: ['caseline-agent'] };
const lead = { name: 'lea', roles: ['caseline-lead'] };

/** What the server says: undefined = accepted, otherwise the forbidden/unauthorized reason. */
function serverVerdict(doc: unknown, user = agent, oldDoc: unknown = null): string | undefined {
  try {
    validate(doc, oldDoc, user, {});
    return undefined;
  } catch (e) {
    const err = e as { forbidden?: string; unauthorized?: string };
    return err.forbidden ?? err.unauthorized ?? String(e);
  }
}

const base = (type: string, agentId = 'A1') => ({
  _id: `${docIdFor(type as never, `${agentId}:01HZX3Y4Z5`)}`,
  type,
  author: 'ann',
  agentId,
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

  it('derives ids from outbox ids', () => {
    expect(docIdFor('event', 'A1:01HZX')).toBe('ev:A1:01HZX');
    expect(docIdFor('outcome', 'A1:01HZX')).toBe('oc:A1:01HZX');
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
    expect(parseSyncDoc({ ...validEvent, _id: 'ev:B2:01HZX3Y4Z5' })).toMatchObject({ ok: false, reason: expect.stringContaining('_id') });
    expect(parseSyncDoc({ type: 'gossip' })).toEqual({ ok: false, reason: 'unknown type "gossip"' });
    expect(parseSyncDoc(null)).toEqual({ ok: false, reason: 'not an object' });
  });

  it('server rules beyond shape: author, roles, append-only, admins bypass', () => {
    expect(serverVerdict({ ...validEvent, author: 'bob' })).toContain('author must be the logged-in user');
    expect(serverVerdict(validEvent, { name: 'ann', roles: [] })).toContain('only Caseline agents and leads');
    expect(serverVerdict(validEvent, agent, validEvent)).toContain('append-only');
    expect(serverVerdict({ ...validEvent, _deleted: true })).toContain('never deleted');
    const template = { ...base('template'), template: { templateId: 't1', version: 1 } };
    expect(serverVerdict(template)).toContain('written by caseline-lead');
    expect(serverVerdict({ ...template, author: 'lea' }, lead)).toBeUndefined();
    expect(serverVerdict({ ...validEvent, author: 'lea' }, lead)).toBeUndefined();
    expect(serverVerdict({ ...validEvent, author: 'someone' }, { name: 'root', roles: ['_admin'] })).toBeUndefined();
    expect(serverVerdict({ ...validEvent, author: 'someone' }, { name: 'ops', roles: ['caseline-admin'] })).toBeUndefined();
  });

  it('the design document carries the same source, in ES5 (no arrow functions, let/const or template strings)', () => {
    const src = designDocument().validate_doc_update;
    expect(src).toBe(validateDocUpdateSource());
    expect(src).not.toMatch(/=>|\blet\b|\bconst\b|`/);
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
      agentId: fc.constantFrom('A1', 'B:2', ''),
      idAgent: fc.constantFrom('A1', 'B2'),
      createdAt: instant,
      payload,
    });
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(doc, (d) => {
        const full: Record<string, unknown> = {
          _id: docIdFor(d.type, `${d.idAgent}:01HZX3Y4Z5`),
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
});
