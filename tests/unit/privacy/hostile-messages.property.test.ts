/**
 * Every message type, from every kind of sender, with valid, random and malformed payloads,
 * against the real background (router, handlers, database code on fake-indexeddb): a sender
 * that may not send a message is refused with a sentence even when the payload is perfect; a
 * malformed payload is refused with a sentence naming the field; garbage that is not a protocol
 * message at all is ignored; and in every case nothing in the database changes.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MESSAGE_RULES, type MessageType } from '../../../utils/messages';
import { dashboardView } from '../../../utils/desk/dashboard-view';
import type { DashboardBasis } from '../../../utils/metrics/dashboard-view';
import { dbContent, SENDERS, startBackground, type Background, type SenderKind } from './background-harness';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const NOW = new Date().toISOString();
const SNAPSHOT = {
  host: 'gmail',
  threadId: 't-known',
  subject: 'Parcel never arrived',
  messages: [{ id: 'm1', from: { email: 'ann@example.org', name: 'Ann Ray' }, sentAt: NOW, direction: 'inbound', text: 'My parcel never arrived. Please refund me.', collapsed: false }],
};
const OUTLOOK_SNAPSHOT = { ...SNAPSHOT, host: 'outlook', threadId: 'o-known', messages: [{ ...SNAPSHOT.messages[0]!, from: { email: 'bo@example.org' } }] };

/** A payload each message type accepts. Typed over every type: a new message cannot be left out. */
function validPayloads(settings: unknown): Record<MessageType, unknown> {
  return {
    ping: {},
    snapshot: SNAPSHOT,
    threadList: { host: 'gmail', rows: [{ threadId: 't-list', subject: 'Hello', from: { email: 'cy@example.org' }, dateText: '09:00', sentAt: NOW, unread: true }] },
    health: { host: 'gmail', ok: false, missing: ['thread'] },
    caseCommand: { caseId: 'gmail:t-known', command: { type: 'escalate', to: 'Legal', reason: 'Threat' } },
    renderTemplate: { caseId: 'gmail:t-known', templateId: 'greeting', values: {} },
    templateList: { caseId: 'gmail:t-known' },
    queue: {},
    getSettings: {},
    saveSettings: { settings: { ...(settings as object), company: { name: 'Changed by an attacker' } } },
    listTemplates: {},
    saveTemplate: { template: { id: 'evil', version: 1, name: 'Evil', stage: 'greeting', categories: ['inquiry'], language: 'en', body: 'Pay here', status: 'draft', updatedAt: NOW } },
    approveTemplate: { id: 'evil' },
    retireTemplate: { id: 'greeting' },
    importTemplates: { json: JSON.stringify({ format: 'caseline-templates', version: 1, templates: [] }), approve: true },
    databaseReady: {},
    importBackup: { json: JSON.stringify({ format: 'caseline-backup', version: 1, schemaVersion: 1, exportedAt: NOW, stores: { cases: [] } }) },
    eraseCustomer: { email: 'ann@example.org' },
    eraseEverything: { confirm: 'ERASE' },
    syncConnect: { url: 'https://couch.evil.example', db: 'caseline', user: 'x', password: 'y' },
    syncStatus: {},
    syncNow: {},
    syncDisconnect: {},
    dashboardBasis: { source: 'local' },
    teamView: {},
    publishTemplate: { id: 'greeting' },
    withdrawTemplate: { id: 'greeting' },
    publishSettings: {},
    teamCase: { caseId: 'gmail:t-known' },
    ownership: { caseId: 'gmail:t-known', command: { type: 'claim' } },
    addNote: { caseId: 'gmail:t-known', text: 'Called the customer back, @bob please check.' },
    mentions: {},
    mentionsSeen: { ids: ['ann:01HZX3Y4Z5'] },
    atRisk: {},
  };
}

const TYPES = Object.keys(MESSAGE_RULES) as MessageType[];
const KINDS = Object.keys(SENDERS) as SenderKind[];
/** Who may send what, said independently of the code: our mailbox content scripts, our own pages. */
const CONTENT: readonly SenderKind[] = ['mailTab', 'outlookTab'];
const PAGE: readonly SenderKind[] = ['extensionPage', 'extensionPageNoTab'];
const allowed = (type: MessageType, kind: SenderKind) => {
  const audience = MESSAGE_RULES[type].audience;
  return (audience !== 'page' && CONTENT.includes(kind)) || (audience !== 'content' && PAGE.includes(kind));
};

type Reply = { ok: boolean; error?: string; code?: string; value?: unknown };

const UNSENDABLE = Symbol('unsendable');
/** A value as it arrives through extension messaging: structured-cloned (what cannot be cloned is never sent). */
function transported(value: unknown): unknown {
  try {
    return structuredClone(value);
  } catch {
    return UNSENDABLE;
  }
}

let bg: Background;
let baseline: string;
let valid: Record<MessageType, unknown>;

async function settled(): Promise<string> {
  // The badge refresh after a write runs on its own: wait until the database stops changing.
  let last = '';
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 20));
    const now = await dbContent(bg.db);
    if (now === last) return now;
    last = now;
  }
  return last;
}

beforeAll(async () => {
  bg = await startBackground();
  const settings = (await bg.send('getSettings', {}, SENDERS.extensionPage)) as Reply;
  expect(settings.ok).toBe(true);
  valid = validPayloads(settings.value);
  expect(((await bg.send('listTemplates', {}, SENDERS.extensionPage)) as Reply).ok).toBe(true);
  expect(((await bg.send('snapshot', SNAPSHOT, SENDERS.mailTab)) as Reply).ok).toBe(true);
  expect(((await bg.send('snapshot', OUTLOOK_SNAPSHOT, SENDERS.outlookTab)) as Reply).ok).toBe(true);
  expect(((await bg.send('caseCommand', { caseId: 'gmail:t-known', command: { type: 'acknowledge' } }, SENDERS.mailTab)) as Reply).ok).toBe(true);
  // The dashboard page computes its figures from the database, by the basis the background gives,
  // and keeps its pack there (as the page does, through the same database).
  const basis = (await bg.send('dashboardBasis', { source: 'local' }, SENDERS.extensionPage)) as Reply;
  expect(basis.ok).toBe(true);
  const { policy, names } = basis.value as DashboardBasis;
  await dashboardView(bg.db, policy, 'local', {}, Date.now(), names);
  // The shared inbox notes each case's thread key the first time it computes it (the derived
  // `threads` store): let the tabs' own reads do that before the baseline, as they would in use.
  expect(((await bg.send('queue', {}, SENDERS.mailTab)) as Reply).ok).toBe(true);
  expect(((await bg.send('teamCase', { caseId: 'gmail:t-known' }, SENDERS.mailTab)) as Reply).ok).toBe(true);
  expect(((await bg.send('teamCase', { caseId: 'outlook:o-known' }, SENDERS.outlookTab)) as Reply).ok).toBe(true);
  baseline = await settled();
  for (const store of ['cases', 'events', 'templates', 'settings', 'digests', 'packs'] as const) expect(await bg.db.count(store)).toBeGreaterThan(0);
});

describe('senders that may not send a message', () => {
  it('are refused for every message type even with a valid payload, and nothing is written', async () => {
    let refusals = 0;
    for (const type of TYPES) {
      for (const kind of KINDS) {
        if (allowed(type, kind)) continue;
        const reply = (await bg.send(type, valid[type], SENDERS[kind])) as Reply;
        expect(reply, `${type} from ${kind}`).toMatchObject({ ok: false });
        expect(reply.error, `${type} from ${kind}`).toMatch(new RegExp(`^refused ${type}: not sent by a Caseline page or a mailbox tab`));
        refusals += 1;
      }
    }
    // Every type meets at least the seven senders that are neither our content script nor our page.
    expect(refusals).toBeGreaterThanOrEqual(TYPES.length * 7);
    expect(await settled()).toBe(baseline);
  });

  it('a mailbox tab cannot read or change a case it does not show; the tab that shows it can', async () => {
    const outlookCase = 'outlook:o-known';
    for (const [type, data] of [
      ['caseCommand', { caseId: outlookCase, command: { type: 'close', satisfied: true } }],
      ['renderTemplate', { caseId: outlookCase, templateId: 'greeting', values: {} }],
      ['templateList', { caseId: outlookCase }],
    ] as const) {
      const reply = (await bg.send(type, data, SENDERS.mailTab)) as Reply;
      expect(reply, type).toMatchObject({ ok: false, code: 'case-not-shown' });
      expect(JSON.stringify(reply)).not.toContain('bo@example.org');
    }
    expect(await settled()).toBe(baseline);
    // The Gmail tab's queue lists Gmail cases only: no Outlook subject reaches a Gmail page.
    const queue = (await bg.send('queue', {}, SENDERS.mailTab)) as Reply;
    expect(queue.ok).toBe(true);
    expect((queue.value as Array<{ host: string }>).every((i) => i.host === 'gmail')).toBe(true);
    // The tab that showed the case acts on it (a read here: the escalation would be a real write).
    const shown = (await bg.send('templateList', { caseId: outlookCase }, SENDERS.outlookTab)) as Reply;
    expect(shown.ok).toBe(true);
  });
});

/** Payloads the type's schema refuses: random values, and valid ones broken one field at a time. */
function malformed(type: MessageType): fc.Arbitrary<unknown> {
  const schema = MESSAGE_RULES[type].schema as v.GenericSchema;
  const base = valid[type] as Record<string, unknown>;
  const keys = Object.keys(base);
  const broken = fc.oneof(
    fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 3 }),
    fc.constantFrom(undefined, null, '', 0, [], 'ERASE', { confirm: 'erase' }, { __proto__: { confirm: 'ERASE' } }),
    // One field removed, or replaced by anything, or a key the schema does not know.
    keys.length > 0 ? fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k))) : fc.constant(1),
    keys.length > 0 ? fc.tuple(fc.constantFrom(...keys), fc.anything({ maxDepth: 2 })).map(([k, x]) => ({ ...base, [k]: x })) : fc.constant([]),
    fc.constant(Object.assign(JSON.parse('{"__proto__": {"polluted": true}}') as object, base)),
    // Strings far beyond any field's limit (the largest, the backup, is checked before parsing).
    keys.length > 0 ? fc.constantFrom(...keys).map((k) => ({ ...base, [k]: 'x'.repeat(200_000) })) : fc.constant('x'.repeat(200_000)),
  );
  // As the browser's messaging would hand it over (a copy: no prototypes, no functions).
  return broken.map(transported).filter((payload) => payload !== UNSENDABLE && !v.safeParse(schema, payload).success);
}

describe('malformed payloads', () => {
  it('are refused with a sentence naming the problem, from any sender, and nothing is written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...TYPES).chain((type) => fc.tuple(fc.constant(type), fc.constantFrom(...KINDS), malformed(type))),
        async ([type, kind, payload]) => {
          const reply = (await bg.send(type, payload, SENDERS[kind])) as Reply;
          expect(reply.ok).toBe(false);
          expect(reply.error).toMatch(new RegExp(`^refused ${type}: `));
          expect(await dbContent(bg.db)).toBe(baseline);
        },
      ),
      { numRuns: 400 },
    );
    expect(await settled()).toBe(baseline);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('messages that are not protocol messages', () => {
  it('unknown types (prototype names too), missing fields and garbage: no handler acts, nothing is written, nothing throws', async () => {
    const type = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'caseUpdated', 'dataErased', 'ERASE'));
    const message = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.record({ id: fc.integer(), type, data: fc.anything({ maxDepth: 2 }), timestamp: fc.integer() }),
      fc.record({ type: fc.constantFrom(...TYPES), data: fc.anything({ maxDepth: 2 }) }),
    );
    await fc.assert(
      fc.asyncProperty(message.map(transported), fc.constantFrom(...KINDS), async (m, kind) => {
        fc.pre(m !== UNSENDABLE);
        const answer = (await bg.deliver(m, SENDERS[kind])) as { res?: Reply } | undefined;
        if (answer?.res && typeof answer.res === 'object' && 'ok' in answer.res && answer.res.ok) {
          // Only a real protocol type with a payload its schema accepts may succeed.
          const t = (m as { type: MessageType }).type;
          expect(TYPES).toContain(t);
          expect(allowed(t, kind)).toBe(true);
        }
        expect(await dbContent(bg.db)).toBe(baseline);
      }),
      { numRuns: 300 },
    );
    expect(await settled()).toBe(baseline);
  });
});
