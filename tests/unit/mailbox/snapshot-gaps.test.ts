/** The facts a read thread left out, named in the order the sidebar says them. */
import { describe, expect, it } from 'vitest';
import { snapshotGaps } from '../../../utils/mailbox/snapshot-gaps';
import type { ThreadSnapshot } from '../../../utils/cases/mail-thread';

const full: ThreadSnapshot = {
  host: 'outlook',
  threadId: 'AAQk1',
  subject: 'Refund',
  messages: [
    { from: { name: 'Ana', email: 'ana@example.com' }, sentAt: '2025-08-20T10:00:00.000Z', direction: 'inbound', text: 'Hello', collapsed: false },
    { from: { email: 'desk@example.org' }, sentAt: '2025-08-20T11:00:00.000Z', direction: 'outbound', text: '', collapsed: true },
  ],
};

describe('snapshotGaps', () => {
  it('is empty when every fact is there (a collapsed message may have no text)', () => {
    expect(snapshotGaps(full)).toEqual([]);
  });

  it('names a missing sender, subject, time and text', () => {
    const gappy: ThreadSnapshot = {
      ...full,
      subject: '',
      messages: full.messages.map((m, i) => ({ ...m, text: '', ...(i === 1 ? { from: {}, sentAt: undefined } : {}) })),
    };
    expect(snapshotGaps(gappy)).toEqual(['sender', 'subject', 'time', 'text']);
  });
});
