import { describe, expect, it } from 'vitest';
import { formatQuoteHeader, renderThread } from '../../../utils/practice/render-thread';
import { findSampleThread, SAMPLE_THREADS } from '../../../utils/practice/sample-threads';
import { newestContent, toThreadSnapshot } from '../../../utils/practice/thread-snapshot';
import { threadTimes } from '../../../utils/practice/timeline';
import type { PracticeThread } from '../../../utils/practice/types';

function byId(id: string): PracticeThread {
  const thread = findSampleThread(id);
  if (!thread) throw new Error(`missing sample thread ${id}`);
  return thread;
}

const NOW = new Date('2026-11-27T19:30:00.000Z');

describe('threadTimes', () => {
  it('counts each message back from now by its minutesAgo', () => {
    const thread = byId('p05-app-login-loop'); // 1700 and 1445 minutes ago
    expect(threadTimes(thread, NOW)).toEqual([
      { messageId: 'm1', sentAt: '2026-11-26T15:10:00.000Z' },
      { messageId: 'm2', sentAt: '2026-11-26T19:25:00.000Z' },
    ]);
  });

  it('puts the breached thread ten days back, across months', () => {
    expect(threadTimes(byId('p01-late-delivery'), new Date('2026-03-03T09:00:00Z'))[0]).toEqual({
      messageId: 'm1',
      sentAt: '2026-02-21T09:00:00.000Z',
    });
  });

  it('gives the same times for the same now, one per message, oldest first', () => {
    for (const thread of SAMPLE_THREADS) {
      const times = threadTimes(thread, NOW);
      expect(times).toEqual(threadTimes(thread, new Date(NOW.getTime())));
      expect(times.map((t) => t.messageId)).toEqual(thread.messages.map((m) => m.id));
      const instants = times.map((t) => Date.parse(t.sentAt));
      for (let i = 1; i < instants.length; i++) expect(instants[i]!).toBeGreaterThan(instants[i - 1]!);
      expect(instants[instants.length - 1]!).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('rejects an invalid now', () => {
    expect(() => threadTimes(byId('p16-saturday-delivery'), new Date('not a date'))).toThrow(RangeError);
  });
});

describe('renderThread', () => {
  it('writes Gmail quote headers with the quoted message time in the chosen zone', () => {
    const rendered = renderThread(byId('p01-late-delivery'), new Date('2026-03-03T09:00:00Z'), { timeZone: 'Europe/Madrid' });
    const chaser = rendered.messages[1]!;
    expect(chaser.sentAt).toBe('2026-03-01T09:00:00.000Z');
    expect(chaser.text).toContain('On Sat, 21 Feb 2026 at 10:00, Dana Whitfield <dana.whitfield@example.com> wrote:\n> Hello,');
    expect(chaser.to).toEqual({ name: 'Northwind Customer Care', email: 'care@northwind.example' });
  });

  it('writes Outlook header blocks, addressed to the right party', () => {
    const rendered = renderThread(byId('p06-card-double-charge'), NOW); // m1 2900 minutes ago, UTC
    const reply = rendered.messages[1]!;
    expect(reply.to).toEqual({ name: 'Helen Marsh', email: 'helen.marsh@example.org' });
    expect(reply.text).toContain(
      [
        'From: Helen Marsh <helen.marsh@example.org>',
        'Sent: Wednesday, 25 November 2026 19:10',
        'To: Northwind Customer Care <care@northwind.example>',
        'Subject: Charged twice on my Northwind Card',
      ].join('\n'),
    );
  });

  it('agrees with threadTimes and keeps everything else as written', () => {
    for (const thread of SAMPLE_THREADS) {
      const rendered = renderThread(thread, NOW);
      expect(rendered.messages.map((m) => ({ messageId: m.id, sentAt: m.sentAt }))).toEqual(threadTimes(thread, NOW));
      expect(rendered).toMatchObject({ id: thread.id, host: thread.host, subject: thread.subject, customer: thread.customer });
      thread.messages.forEach((message, index) => {
        const text = rendered.messages[index]!.text;
        if (!message.text.includes('[[quote-header:')) expect(text).toBe(message.text);
        else expect(text.startsWith(newestContent(message.text))).toBe(true);
      });
    }
  });

  it('refuses a quote of a later or unknown message', () => {
    const thread = byId('p16-saturday-delivery');
    const broken: PracticeThread = {
      ...thread,
      messages: [{ ...thread.messages[0]!, text: 'Hi\n[[quote-header:m9]]\n> old' }],
    };
    expect(() => renderThread(broken, NOW)).toThrow(/m9/);
  });

  it('formats a header on its own, by default in UTC', () => {
    const quoted = { from: { name: 'A B', email: 'a@example.com' }, to: { name: 'C', email: 'c@example.net' }, sentAt: new Date('2026-07-04T23:05:00Z') };
    expect(formatQuoteHeader('gmail', quoted, 'S')).toBe('On Sat, 4 Jul 2026 at 23:05, A B <a@example.com> wrote:');
    expect(formatQuoteHeader('gmail', quoted, 'S', 'Australia/Sydney')).toBe('On Sun, 5 Jul 2026 at 09:05, A B <a@example.com> wrote:');
    expect(formatQuoteHeader('outlook', quoted, 'S', 'America/New_York').split('\n')[1]).toBe('Sent: Saturday, 4 July 2026 19:05');
  });
});

describe('toThreadSnapshot', () => {
  it('gives the adapters\' view: times, directions, newest content only, older messages collapsed', () => {
    const snapshot = toThreadSnapshot(byId('p13-thermostat-wifi-thanks'), NOW);
    expect(snapshot).toMatchObject({ host: 'gmail', threadId: 'p13-thermostat-wifi-thanks', subject: 'Smart thermostat offline', account: 'sam@northwind.example' });
    expect(snapshot.messages.map((m) => [m.id, m.direction, m.collapsed])).toEqual([
      ['m1', 'inbound', true],
      ['m2', 'outbound', true],
      ['m3', 'inbound', false],
    ]);
    expect(snapshot.messages.map((m) => m.sentAt)).toEqual(threadTimes(byId('p13-thermostat-wifi-thanks'), NOW).map((t) => t.sentAt));
    expect(snapshot.messages[2]!.text).toBe(
      'That did it, it is back online and we have changed the schedule from the app. Thanks for the clear steps - you can close the ticket.\n\nRavi',
    );
    for (const message of snapshot.messages) expect(message.text).not.toMatch(/^>|\[\[/m);
  });

  it('drops Outlook\'s rule line above quoted mail', () => {
    const text = toThreadSnapshot(byId('p07-permit-status'), NOW).messages[1]!.text;
    expect(text.endsWith('sam@northwind.example')).toBe(true);
    expect(text).not.toContain('____');
  });

  it('keeps a message without quotes whole', () => {
    expect(newestContent('Hello\n\nThanks,\nAhmed\n\n')).toBe('Hello\n\nThanks,\nAhmed');
  });
});
