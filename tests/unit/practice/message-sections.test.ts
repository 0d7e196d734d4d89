import { describe, expect, it } from 'vitest';
import { conversationOf, splitMessageText } from '../../../utils/practice/message-sections';
import { renderThread } from '../../../utils/practice/render-thread';
import { SAMPLE_THREADS, findSampleThread } from '../../../utils/practice/sample-threads';

const NOW = new Date('2026-11-25T14:00:00Z');

describe('splitMessageText', () => {
  it('keeps a message without history as one text section, blank edges dropped', () => {
    expect(splitMessageText('\nHello,\n\nThanks.\n\n', () => '')).toEqual([{ kind: 'text', lines: ['Hello,', '', 'Thanks.'] }]);
  });

  it('splits Gmail-style history at the header and removes one level of >', () => {
    const text = ['Hi again', '', '[[quote-header:m1]]', '> Hello,', '>', '> > older', '> Bye'].join('\n');
    expect(splitMessageText(text, (id) => `On Mon, ${id} wrote:`)).toEqual([
      { kind: 'text', lines: ['Hi again'] },
      { kind: 'quote', header: ['On Mon, m1 wrote:'], lines: ['Hello,', '', '> older', 'Bye'] },
    ]);
  });

  it('takes Outlook history without > as it is and drops the rule above the header', () => {
    const text = ['Reply', '', '________________________________', '[[quote-header:m1]]', '', 'Dear team,', '> not a quote marker here', 'Owen'].join('\n');
    expect(splitMessageText(text, () => 'From: A\nSent: B')).toEqual([
      { kind: 'text', lines: ['Reply'] },
      { kind: 'quote', header: ['From: A', 'Sent: B'], lines: ['Dear team,', '> not a quote marker here', 'Owen'] },
    ]);
  });
});

describe('conversationOf', () => {
  it('gives every sample message its sender, time and sections, with the same headers as renderThread', () => {
    for (const thread of SAMPLE_THREADS) {
      const conversation = conversationOf(thread, NOW, { timeZone: 'Europe/London' });
      const rendered = renderThread(thread, NOW, { timeZone: 'Europe/London' });
      expect(conversation.map((m) => m.id)).toEqual(thread.messages.map((m) => m.id));
      conversation.forEach((message, i) => {
        const shown = rendered.messages[i];
        expect(message.sentAt).toBe(shown?.sentAt);
        expect(message.from).toEqual(shown?.from);
        expect(message.to).toEqual(shown?.to);
        expect(message.sections.length).toBeGreaterThan(0);
        // Every header and every own line appears in the rendered text: nothing invented, nothing lost.
        for (const section of message.sections) {
          const lines = section.kind === 'text' ? section.lines : [...section.header];
          for (const line of lines) expect(shown?.text).toContain(line);
        }
        const quotes = message.sections.filter((s) => s.kind === 'quote').length;
        expect(quotes).toBe(thread.messages[i]?.text.split('\n').filter((l) => /^\[\[quote-header:/.test(l.trim())).length);
      });
    }
  });

  it('shows Gmail history as the quoted message without its > markers', () => {
    const thread = findSampleThread('p13-thermostat-wifi-thanks');
    if (!thread) throw new Error('missing sample thread');
    const last = conversationOf(thread, NOW).at(-1);
    const quote = last?.sections.find((s) => s.kind === 'quote');
    expect(quote?.kind).toBe('quote');
    if (quote?.kind !== 'quote') return;
    expect(quote.header[0]).toMatch(/^On .+ Sam Rivera <sam@northwind\.example> wrote:$/);
    expect(quote.lines[0]).toBe('Hi Ravi,');
    expect(quote.lines.some((l) => l.startsWith('>'))).toBe(false);
  });
});
