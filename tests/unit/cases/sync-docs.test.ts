import { describe, expect, it } from 'vitest';
import { syncCaseKey } from '../../../utils/cases/case-id';
import type { CaseEvent } from '../../../utils/cases/events';
import type { CaseRecord } from '../../../utils/cases/records';
import { toErasureDoc, toSyncDoc } from '../../../utils/privacy/sync-docs';

const salt = 'a'.repeat(64);
const record: CaseRecord = {
  caseId: 'gmail:18c2f0a9b3',
  host: 'gmail',
  threadId: '18c2f0a9b3',
  subject: 'My order 1234 arrived broken',
  customerEmail: 'dana@example.org',
  customerName: 'Dana Reyes',
  category: 'complaint',
  stage: 'acknowledged',
  reference: 'CMP-AB-0001',
  agentId: 'agent-ann',
  createdAt: '2026-03-02T08:00:00.000Z',
  updatedAt: '2026-03-02T09:00:00.000Z',
  nextDueAt: '2026-03-09T08:00:00.000Z',
  open: 1,
};

describe('toSyncDoc', () => {
  it('by default sends no subject, address, name or thread id, and a salted key', () => {
    const doc = toSyncDoc('case', record, { salt, shareSubject: false, shareNotes: false });
    const text = JSON.stringify(doc);
    for (const secret of ['My order', 'dana@example.org', 'Dana', '18c2f0a9b3']) expect(text).not.toContain(secret);
    expect(doc).toEqual({
      kind: 'case',
      caseKey: syncCaseKey('gmail:18c2f0a9b3', salt),
      host: 'gmail',
      category: 'complaint',
      stage: 'acknowledged',
      reference: 'CMP-AB-0001',
      agentId: 'agent-ann',
      createdAt: '2026-03-02T08:00:00.000Z',
      updatedAt: '2026-03-02T09:00:00.000Z',
      nextDueAt: '2026-03-09T08:00:00.000Z',
      open: 1,
    });
  });

  it('sends the subject only when the setting allows it', () => {
    expect(toSyncDoc('case', record, { salt, shareSubject: true, shareNotes: false })).toMatchObject({ subject: 'My order 1234 arrived broken' });
  });

  it('drops message ids always and agent notes unless allowed', () => {
    const escalated: CaseEvent = { id: 'e1', caseId: record.caseId, type: 'escalated', at: '2026-03-02T09:00:00.000Z', actor: 'agent-ann', source: 'agent', data: { reason: 'Customer Dana threatens legal action', to: 'Legal' } };
    expect(toSyncDoc('event', escalated, { salt, shareSubject: false, shareNotes: false })).toMatchObject({ kind: 'event', eventId: 'e1', type: 'escalated', data: { to: 'Legal' } });
    expect((toSyncDoc('event', escalated, { salt, shareSubject: false, shareNotes: true }) as { data: object }).data).toEqual({ reason: 'Customer Dana threatens legal action', to: 'Legal' });
    const received: CaseEvent = { id: 'e0', caseId: record.caseId, type: 'received', at: '2026-03-02T08:00:00.000Z', actor: 'customer', source: 'auto', data: { messageId: 'msg-77' } };
    expect(JSON.stringify(toSyncDoc('event', received, { salt, shareSubject: true, shareNotes: true }))).not.toContain('msg-77');
  });

  it('sends outcome scores but not free text by default', () => {
    const doc = toSyncDoc('outcome', { caseId: record.caseId, agentId: 'agent-ann', recordedAt: '2026-03-03T00:00:00.000Z', code: 'refunded', csat: 4, summary: 'Refunded Dana', feedback: 'Slow' }, { salt, shareSubject: false, shareNotes: false });
    expect(doc).toEqual({ kind: 'outcome', caseKey: syncCaseKey(record.caseId, salt), agentId: 'agent-ann', recordedAt: '2026-03-03T00:00:00.000Z', code: 'refunded', csat: 4 });
  });

  it('erasure notices carry case keys only', () => {
    const doc = toErasureDoc([record.caseId], { salt }, '2026-03-05T00:00:00.000Z', 'agent-ann');
    expect(doc).toEqual({ kind: 'erasure', caseKeys: [syncCaseKey(record.caseId, salt)], at: '2026-03-05T00:00:00.000Z', agentId: 'agent-ann' });
  });
});
