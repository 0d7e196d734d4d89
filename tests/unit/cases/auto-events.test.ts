import { describe, expect, it } from 'vitest';
import { eventsFromListRow, eventsFromSnapshot } from '../../../utils/cases/auto-events';
import type { CaseEvent } from '../../../utils/cases/events';
import { decide, deriveCase, formatReference } from '../../../utils/cases/lifecycle';
import type { MessageSnapshot, Party, ThreadListRow, ThreadSnapshot } from '../../../utils/cases/mail-thread';

let counter = 0;
const newId = () => `01AUTO${String(++counter).padStart(20, '0')}`;
const ctx = { newId, agentId: 'agent-ann' };

const customer = { name: 'Dana Reyes', email: 'dana@example.org' };
const me = { name: 'Ann', email: 'ann@shop.example' };

function msg(direction: MessageSnapshot['direction'], sentAt: string | undefined, id?: string, from: Party = direction === 'outbound' ? me : customer): MessageSnapshot {
  return { ...(id ? { id } : {}), from, ...(sentAt ? { sentAt } : {}), direction, text: 'text', collapsed: false };
}

function thread(messages: MessageSnapshot[], account?: string): ThreadSnapshot {
  return { host: 'gmail', threadId: 't-100', subject: 'Order 1234 arrived broken', messages, ...(account ? { account } : {}) };
}

/** Applies the snapshot twice, like a thread read again: the second pass must add nothing. */
function settle(snapshot: ThreadSnapshot, known: CaseEvent[] = [], extra: Partial<Parameters<typeof eventsFromSnapshot>[2]> = {}): CaseEvent[] {
  const first = eventsFromSnapshot(snapshot, { events: known }, { ...ctx, ...extra });
  const all = [...known, ...first];
  expect(eventsFromSnapshot(snapshot, { events: all }, { ...ctx, ...extra })).toEqual([]);
  return first;
}

describe('eventsFromSnapshot', () => {
  it('starts a case at the first inbound message, at the message time', () => {
    const events = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1')]), [], { now: '2026-03-04T10:00:00.000Z' });
    expect(events).toEqual([
      { id: expect.any(String), caseId: 'gmail:t-100', type: 'received', at: '2026-03-02T08:15:00.000Z', actor: 'customer', source: 'auto', data: { messageId: 'm1' } },
    ]);
  });

  it('turns the first reply into acknowledged + responded at the reply time', () => {
    const events = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', '2026-03-02T09:40:00.000Z', 'm2')]));
    expect(events.map((e) => [e.type, e.at, e.actor])).toEqual([
      ['received', '2026-03-02T08:15:00.000Z', 'customer'],
      ['acknowledged', '2026-03-02T09:40:00.000Z', 'agent-ann'],
      ['responded', '2026-03-02T09:40:00.000Z', 'agent-ann'],
    ]);
    const state = deriveCase(events);
    expect(state.firstResponseAt).toBe('2026-03-02T09:40:00.000Z');
  });

  it('adds only what is new when the thread grows, and a later reply after ours is customer_replied', () => {
    const first = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', '2026-03-02T09:40:00.000Z', 'm2')]));
    const grown = thread([
      msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'),
      msg('outbound', '2026-03-02T09:40:00.000Z', 'm2'),
      msg('outbound', '2026-03-02T09:45:00.000Z', 'm3'),
      msg('inbound', '2026-03-03T07:00:00.000Z', 'm4'),
    ]);
    const second = settle(grown, first);
    expect(second.map((e) => [e.type, e.at])).toEqual([['customer_replied', '2026-03-03T07:00:00.000Z']]);
  });

  it('does not treat two customer messages in a row as a reply', () => {
    const events = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('inbound', '2026-03-02T08:20:00.000Z', 'm2')]));
    expect(events.map((e) => e.type)).toEqual(['received']);
  });

  it('resumes the clock when the customer answers while we wait on them', () => {
    const base = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', '2026-03-02T09:00:00.000Z', 'm2')]));
    const wait = decide(deriveCase(base), { type: 'awaitCustomer' }, { agentId: 'agent-ann', now: '2026-03-02T09:01:00.000Z', newId, nextReference: () => 'x' });
    if (!wait.ok) throw new Error(wait.error);
    const known = [...base, ...wait.events];
    expect(deriveCase(known).waitingOnCustomer).toBe(true);
    const events = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', '2026-03-02T09:00:00.000Z', 'm2'), msg('inbound', '2026-03-02T12:00:00.000Z', 'm3')]), known);
    expect(events.map((e) => e.type)).toEqual(['customer_replied']);
    expect(deriveCase([...known, ...events]).waitingOnCustomer).toBe(false);
  });

  it('reopens a resolved case when the customer writes again, at the message time', () => {
    const base = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', '2026-03-02T09:00:00.000Z', 'm2')]));
    const resolved = decide(deriveCase(base), { type: 'resolve', code: 'answered', summary: 'Explained the returns policy' }, { agentId: 'agent-ann', now: '2026-03-02T09:05:00.000Z', newId, nextReference: () => 'x' });
    if (!resolved.ok) throw new Error(resolved.error);
    const known = [...base, ...resolved.events];
    const events = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', '2026-03-02T09:00:00.000Z', 'm2'), msg('inbound', '2026-03-05T10:00:00.000Z', 'm3')]), known);
    expect(events.map((e) => [e.type, e.at, e.actor])).toEqual([
      ['customer_replied', '2026-03-05T10:00:00.000Z', 'customer'],
      ['reopened', '2026-03-05T10:00:00.000Z', 'system'],
    ]);
    expect(deriveCase([...known, ...events])).toMatchObject({ stage: 'acknowledged', reopenCount: 1 });
  });

  it('gives an automatic acknowledgement of a complaint its reference when a counter is given', () => {
    const known: CaseEvent[] = [
      { id: newId(), caseId: 'gmail:t-100', type: 'received', at: '2026-03-02T08:15:00.000Z', actor: 'customer', source: 'auto', data: { messageId: 'm1' } },
      { id: newId(), caseId: 'gmail:t-100', type: 'category_set', at: '2026-03-02T08:16:00.000Z', actor: 'system', source: 'auto', data: { category: 'complaint', by: 'classifier', confidence: 0.8 } },
    ];
    const events = eventsFromSnapshot(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', '2026-03-02T09:00:00.000Z', 'm2')]), { events: known }, { ...ctx, nextReference: (kind) => formatReference(kind, 'AB', 7) });
    expect(events[0]).toMatchObject({ type: 'acknowledged', data: { reference: 'CMP-AB-0007', messageId: 'm2' } });
  });

  it('only adds responded when the agent already acknowledged by hand', () => {
    const base = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1')]));
    const ack = decide(deriveCase(base), { type: 'acknowledge' }, { agentId: 'agent-ann', now: '2026-03-02T08:30:00.000Z', newId, nextReference: () => 'x' });
    if (!ack.ok) throw new Error(ack.error);
    const events = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', '2026-03-02T09:00:00.000Z', 'm2')]), [...base, ...ack.events]);
    expect(events.map((e) => e.type)).toEqual(['responded']);
  });

  it('ignores our own messages before the customer has written', () => {
    expect(settle(thread([msg('outbound', '2026-03-01T08:00:00.000Z', 'm0')]))).toEqual([]);
    const events = settle(thread([msg('outbound', '2026-03-01T08:00:00.000Z', 'm0'), msg('inbound', '2026-03-02T08:00:00.000Z', 'm1')]));
    expect(events.map((e) => e.type)).toEqual(['received']);
  });

  it('is idempotent without message ids, using the message times', () => {
    const snapshot = thread([msg('inbound', '2026-03-02T08:15:00.000Z'), msg('outbound', '2026-03-02T09:40:00.000Z'), msg('inbound', '2026-03-02T11:00:00.000Z')]);
    const events = settle(snapshot);
    expect(events.map((e) => e.type)).toEqual(['received', 'acknowledged', 'responded', 'customer_replied']);
    expect(events[0]!.data).toEqual({ messageId: 'inbound@2026-03-02T08:15:00.000Z' });
  });

  it('does not count an old message again when it gains an id later', () => {
    const first = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z'), msg('outbound', '2026-03-02T09:40:00.000Z'), msg('inbound', '2026-03-02T11:00:00.000Z')]));
    const again = eventsFromSnapshot(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'a'), msg('outbound', '2026-03-02T09:40:00.000Z', 'b'), msg('inbound', '2026-03-02T11:00:00.000Z', 'c')]), { events: first }, ctx);
    expect(again).toEqual([]);
  });

  describe('messages without a time', () => {
    it('dates an undated customer message no earlier than the message before it', () => {
      const events = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', '2026-03-02T09:00:00.000Z', 'm2'), msg('inbound', undefined, 'm3')]), [], { now: '2026-03-04T00:00:00.000Z' });
      expect(events.at(-1)).toMatchObject({ type: 'customer_replied', at: '2026-03-02T09:00:00.000Z' });
    });

    it('dates an undated reply no earlier than the next dated message, else now', () => {
      const withNext = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', undefined, 'm2'), msg('inbound', '2026-03-02T12:00:00.000Z', 'm3')]), [], { now: '2026-03-04T00:00:00.000Z' });
      expect(withNext.find((e) => e.type === 'responded')!.at).toBe('2026-03-02T12:00:00.000Z');
      const last = settle(thread([msg('inbound', '2026-03-02T08:15:00.000Z', 'm1'), msg('outbound', undefined, 'm2')]), [], { now: '2026-03-04T00:00:00.000Z' });
      expect(last.find((e) => e.type === 'responded')!.at).toBe('2026-03-04T00:00:00.000Z');
    });

    it('waits for a time when nothing in the thread is dated and no now is given', () => {
      expect(settle(thread([msg('inbound', undefined, 'm1')]))).toEqual([]);
      expect(settle(thread([msg('inbound', undefined, 'm1')]), [], { now: '2026-03-04T00:00:00.000Z' })[0]!.at).toBe('2026-03-04T00:00:00.000Z');
    });
  });

  it('works out unknown directions from the signed-in address', () => {
    const events = settle(thread([msg('unknown', '2026-03-02T08:15:00.000Z', 'm1', customer), msg('unknown', '2026-03-02T09:00:00.000Z', 'm2', { email: 'ANN@shop.example' })], 'ann@shop.example'));
    expect(events.map((e) => e.type)).toEqual(['received', 'acknowledged', 'responded']);
    expect(settle(thread([msg('unknown', '2026-03-02T08:15:00.000Z', 'm1', customer)]))).toEqual([]);
  });
});

describe('eventsFromListRow', () => {
  const row: ThreadListRow = { threadId: 't-100', subject: 'Order 1234 arrived broken', from: customer, dateText: '08:15', sentAt: '2026-03-02T08:15:00.000Z', unread: true };
  const listCtx = { ...ctx, host: 'gmail' as const };

  it('starts the case at the row time before the thread is opened', () => {
    const events = eventsFromListRow(row, { events: [] }, listCtx);
    expect(events).toEqual([{ id: expect.any(String), caseId: 'gmail:t-100', type: 'received', at: '2026-03-02T08:15:00.000Z', actor: 'customer', source: 'auto', data: {} }]);
    expect(eventsFromListRow(row, { events }, listCtx)).toEqual([]);
  });

  it('then the opened thread adds only the reply, not a second start or a false customer reply', () => {
    const started = eventsFromListRow(row, { events: [] }, listCtx);
    const events = settle(thread([msg('inbound', '2026-03-02T08:15:30.000Z', 'm1'), msg('outbound', '2026-03-02T09:00:00.000Z', 'm2')]), started);
    expect(events.map((e) => e.type)).toEqual(['acknowledged', 'responded']);
  });

  it('does nothing without a thread id, without a time, or for our own messages', () => {
    expect(eventsFromListRow({ ...row, threadId: undefined }, { events: [] }, listCtx)).toEqual([]);
    expect(eventsFromListRow({ ...row, sentAt: undefined }, { events: [] }, listCtx)).toEqual([]);
    expect(eventsFromListRow({ ...row, sentAt: 'yesterday' }, { events: [] }, listCtx)).toEqual([]);
    expect(eventsFromListRow({ ...row, from: me }, { events: [] }, { ...listCtx, account: 'ann@shop.example' })).toEqual([]);
  });
});
