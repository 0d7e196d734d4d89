import { describe, expect, it } from 'vitest';
import { CATEGORIES, STAGES } from '../../../utils/cases/events';
import '../../../utils/classify/bundled-data';
import { detectEscalation } from '../../../utils/classify/escalation';
import { PRACTICE_AGENT } from '../../../utils/practice/company';
import { renderThread } from '../../../utils/practice/render-thread';
import { findSampleThread, SAMPLE_THREADS } from '../../../utils/practice/sample-threads';
import { newestContent } from '../../../utils/practice/thread-snapshot';
import { PRACTICE_TEMPLATE_STAGES, SLA_SITUATIONS } from '../../../utils/practice/types';
import { TEMPLATE_STAGES } from '../../../utils/templates/types';

const HOUR = 60;
const DAY = 24 * HOUR;
const QUOTE_TOKEN = /^\[\[quote-header:([A-Za-z0-9_-]+)\]\]$/;

function byId(id: string) {
  const thread = findSampleThread(id);
  if (!thread) throw new Error(`missing sample thread ${id}`);
  return thread;
}

const allText = (id: string) => byId(id).messages.map((m) => m.text).join('\n');

describe('the practice set', () => {
  it('has at least 14 threads with unique, stable ids', () => {
    expect(SAMPLE_THREADS.length).toBeGreaterThanOrEqual(14);
    const ids = SAMPLE_THREADS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [index, id] of ids.entries()) {
      expect(id).toMatch(/^p\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(id.slice(0, 3)).toBe(`p${String(index + 1).padStart(2, '0')}`);
    }
  });

  it('covers every category at least four times', () => {
    for (const category of CATEGORIES) {
      expect(SAMPLE_THREADS.filter((t) => t.expected.category === category).length, category).toBeGreaterThanOrEqual(4);
    }
  });

  it('splits the threads about evenly between Gmail and Outlook', () => {
    const gmail = SAMPLE_THREADS.filter((t) => t.host === 'gmail').length;
    const outlook = SAMPLE_THREADS.filter((t) => t.host === 'outlook').length;
    expect(gmail + outlook).toBe(SAMPLE_THREADS.length);
    expect(Math.abs(gmail - outlook)).toBeLessThanOrEqual(2);
  });

  it('has every SLA situation', () => {
    for (const situation of SLA_SITUATIONS) {
      expect(SAMPLE_THREADS.some((t) => t.expected.slaSituation === situation), situation).toBe(true);
    }
  });

  it('uses only known stages and template stages, the same ones the templates module has', () => {
    expect([...PRACTICE_TEMPLATE_STAGES]).toEqual([...TEMPLATE_STAGES]);
    for (const thread of SAMPLE_THREADS) {
      expect(STAGES, thread.id).toContain(thread.expected.stage);
      expect(TEMPLATE_STAGES, thread.id).toContain(thread.expected.bestTemplateStage);
    }
  });

  it('has a legal threat that must be escalated, with its reason', () => {
    const legal = SAMPLE_THREADS.filter((t) => t.expected.escalate && /ombudsman/i.test(allText(t.id)) && /solicitor/i.test(allText(t.id)));
    expect(legal.length).toBeGreaterThanOrEqual(1);
    for (const thread of SAMPLE_THREADS.filter((t) => t.expected.escalate)) {
      expect(thread.expected.escalationWhy?.trim().length ?? 0, thread.id).toBeGreaterThan(10);
    }
    for (const thread of SAMPLE_THREADS.filter((t) => !t.expected.escalate)) {
      expect(thread.expected.escalationWhy, thread.id).toBeUndefined();
    }
  });

  it('has an innocent trigger word that must not be escalated', () => {
    const innocent = SAMPLE_THREADS.filter((t) => !t.expected.escalate && /\bmy lawyer asked for a copy of the invoice\b/i.test(allText(t.id)));
    expect(innocent.map((t) => t.id)).toEqual(['p03-lawyer-invoice-copy']);
  });

  it('has long and short threads, polite and rude ones', () => {
    const lengths = SAMPLE_THREADS.map((t) => t.messages.map((m) => newestContent(m.text)).join('\n').length);
    expect(Math.max(...lengths)).toBeGreaterThan(1200);
    expect(Math.min(...lengths)).toBeLessThan(200);
    expect(allText('p09-refund-kettle-rude')).toMatch(/useless/);
    expect(allText('p02-ombudsman-billing')).toMatch(/I am done being patient/);
    expect(allText('p12-moving-house-supply')).toMatch(/very happy/);
  });

  it('has quoted history on both hosts, each quote naming an earlier message of its thread', () => {
    const quotedHosts = new Set<string>();
    let gmailAngleQuotes = 0;
    for (const thread of SAMPLE_THREADS) {
      thread.messages.forEach((message, index) => {
        const lines = message.text.split('\n');
        lines.forEach((line, lineIndex) => {
          const match = QUOTE_TOKEN.exec(line.trim());
          if (!match) {
            expect(line, `${thread.id}/${message.id}: malformed quote token`).not.toMatch(/\[\[quote/);
            return;
          }
          quotedHosts.add(thread.host);
          const quotedIndex = thread.messages.findIndex((m) => m.id === match[1]);
          expect(quotedIndex, `${thread.id}/${message.id} quotes ${match[1]}`).toBeGreaterThanOrEqual(0);
          expect(quotedIndex).toBeLessThan(index);
          if (thread.host === 'gmail' && (lines[lineIndex + 1] ?? '').startsWith('>')) gmailAngleQuotes++;
        });
      });
    }
    expect([...quotedHosts].sort()).toEqual(['gmail', 'outlook']);
    expect(gmailAngleQuotes).toBeGreaterThanOrEqual(2);
  });

  it('has signatures', () => {
    const withSignature = SAMPLE_THREADS.filter((t) =>
      t.messages.some((m) => /\n--\s*\n|\nSent from my |\nGet Outlook for |\nSent from Outlook|\nKind regards,\nSam Rivera/.test(m.text)),
    );
    expect(withSignature.length).toBeGreaterThanOrEqual(8);
  });

  it('has no empty subjects, texts or notes, and a teaching note of one or two sentences', () => {
    for (const thread of SAMPLE_THREADS) {
      expect(thread.subject.trim(), thread.id).not.toBe('');
      expect(thread.messages.length, thread.id).toBeGreaterThan(0);
      for (const message of thread.messages) {
        expect(message.text.trim().length, `${thread.id}/${message.id}`).toBeGreaterThan(20);
        expect(newestContent(message.text).trim().length, `${thread.id}/${message.id}`).toBeGreaterThan(20);
      }
      const sentences = thread.teachingNote.trim().split(/(?<=[.!?])\s+(?=[A-Z"])/);
      expect(sentences.length, thread.id).toBeGreaterThanOrEqual(1);
      expect(sentences.length, thread.id).toBeLessThanOrEqual(2);
      expect(thread.teachingNote.trim().endsWith('.'), thread.id).toBe(true);
    }
  });

  it('writes customers from example domains and the agent as Sam Rivera', () => {
    expect(PRACTICE_AGENT).toEqual({ name: 'Sam Rivera', email: 'sam@northwind.example' });
    for (const thread of SAMPLE_THREADS) {
      expect(thread.customer.email, thread.id).toMatch(/^[a-z0-9._%+-]+@example\.(com|net|org)$/);
      expect(thread.customer.name.trim(), thread.id).not.toBe('');
      const messageIds = thread.messages.map((m) => m.id);
      expect(new Set(messageIds).size, thread.id).toBe(messageIds.length);
      for (const message of thread.messages) {
        if (message.direction === 'inbound') expect(message.from, `${thread.id}/${message.id}`).toEqual(thread.customer);
        else expect(message.from, `${thread.id}/${message.id}`).toEqual(PRACTICE_AGENT);
      }
    }
  });

  it('orders messages oldest first, starting with the customer', () => {
    for (const thread of SAMPLE_THREADS) {
      expect(thread.messages[0]?.direction, thread.id).toBe('inbound');
      for (let i = 0; i < thread.messages.length; i++) {
        const minutesAgo = thread.messages[i]!.minutesAgo;
        expect(Number.isInteger(minutesAgo) && minutesAgo >= 0, `${thread.id}/${i}`).toBe(true);
        if (i > 0) expect(minutesAgo, `${thread.id}/${i}`).toBeLessThan(thread.messages[i - 1]!.minutesAgo);
      }
    }
  });

  it('gives each thread messages that match its SLA situation and stage under procedure 000', () => {
    for (const thread of SAMPLE_THREADS) {
      const { slaSituation, stage } = thread.expected;
      const first = thread.messages[0]!;
      const last = thread.messages[thread.messages.length - 1]!;
      const hasAgentReply = thread.messages.some((m) => m.direction === 'outbound');
      expect(stage === 'received', thread.id).toBe(!hasAgentReply);
      switch (slaSituation) {
        case 'fresh':
          // Acknowledge within 24 hours: fresh while less than half of it has gone.
          expect(hasAgentReply, thread.id).toBe(false);
          expect(first.minutesAgo, thread.id).toBeLessThan(12 * HOUR);
          break;
        case 'due_soon':
          expect(hasAgentReply, thread.id).toBe(false);
          expect(first.minutesAgo, thread.id).toBeGreaterThanOrEqual(18 * HOUR);
          expect(first.minutesAgo, thread.id).toBeLessThan(24 * HOUR);
          break;
        case 'breached':
          // Ten calendar days always hold at least six business days: past 24 hours and 5 business days.
          expect(hasAgentReply, thread.id).toBe(false);
          expect(first.minutesAgo, thread.id).toBeGreaterThanOrEqual(10 * DAY);
          break;
        case 'waiting_on_customer':
          expect(last.direction, thread.id).toBe('outbound');
          expect(last.text, thread.id).toMatch(/\?|could you reply|please send/i);
          break;
        case 'answered':
          expect(hasAgentReply, thread.id).toBe(true);
          break;
      }
    }
  });

  it('has the required individual cases', () => {
    expect(byId('p01-late-delivery').expected).toMatchObject({ slaSituation: 'breached', category: 'complaint' });
    expect(byId('p02-ombudsman-billing').expected).toMatchObject({ escalate: true, bestTemplateStage: 'escalation_notice' });
    expect(byId('p05-app-login-loop').expected).toMatchObject({ slaSituation: 'waiting_on_customer', stage: 'acknowledged' });
    expect(SAMPLE_THREADS.filter((t) => t.expected.slaSituation === 'answered').length).toBeGreaterThanOrEqual(1);
    expect(SAMPLE_THREADS.filter((t) => t.expected.slaSituation === 'due_soon').length).toBeGreaterThanOrEqual(1);
  });

  it('names a company, products and references consistently', () => {
    const everything = SAMPLE_THREADS.flatMap((t) => t.messages.map((m) => m.text)).join('\n');
    expect(everything).toMatch(/Northwind Home & Energy/);
    for (const word of ['Northwind Card', 'app', 'permit', 'tariff', 'order NW-']) expect(everything).toContain(word);
    expect(findSampleThread('no-such-thread')).toBeUndefined();
  });

  it('renders every thread without leftover tokens', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    for (const thread of SAMPLE_THREADS) {
      const rendered = renderThread(thread, now);
      for (const message of rendered.messages) expect(message.text).not.toMatch(/\[\[|\]\]/);
    }
  });

  // The classifier's escalation flags (utils/classify/escalation.ts) read the newest customer
  // message; the tour checks them against these expectations, so they must agree.
  it('agrees with the escalation flags the classifier raises on the newest customer message', () => {
    const now = new Date('2026-03-02T10:00:00Z');
    for (const thread of SAMPLE_THREADS) {
      const inbound = renderThread(thread, now).messages.filter((m) => m.direction === 'inbound');
      const newest = inbound[inbound.length - 1]!;
      const flags = detectEscalation({ subject: thread.subject, body: newest.text, priorInboundCount: inbound.length - 1 });
      expect(flags.flagged, `${thread.id}: ${flags.why.join('; ')}`).toBe(thread.expected.escalate);
    }
  });
});
