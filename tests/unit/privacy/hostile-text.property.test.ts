/**
 * What a hostile page can make the content script read: any text, of any length, with markup,
 * direction overrides and invisible characters. The content script fits it within the protocol
 * (so the background accepts it and the sidebar still works), and the words a notification
 * shows carry no override or invisible character.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import { fitListRows, fitSnapshot, SNAPSHOT_LIMITS } from '../../../utils/cases/fit-snapshot';
import type { ThreadSnapshot } from '../../../utils/cases/mail-thread';
import { plainLine } from '../../../utils/extension/deadline-alerts';
import { MESSAGE_RULES } from '../../../utils/messages';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const HOSTILE_PIECES = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '\u202Eevil\u202C', '\u2066', '\u200B', '\u200D', '\uFEFF', '\u0000', '"><svg onload=alert(1)>', '{{agent.name}}', '=HYPERLINK("x")', '𝕏', '\uD800'];
/** Text as a hostile page writes it: pieces of markup, overrides and invisible characters in any order, sometimes very long. */
const hostileText = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE_PIECES), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.constantFrom(...HOSTILE_PIECES).map((p) => p.repeat(Math.ceil(100_000 / p.length))),
);

const snapshot = fc.record({
  host: fc.constantFrom('gmail' as const, 'outlook' as const),
  threadId: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constant('t'.repeat(600))),
  subject: hostileText,
  account: fc.option(hostileText, { nil: undefined }),
  messages: fc.array(
    fc.record({
      id: fc.option(fc.oneof(fc.string({ maxLength: 30 }), fc.constant('m'.repeat(600))), { nil: undefined }),
      from: fc.record({ name: fc.option(hostileText, { nil: undefined }), email: fc.option(hostileText, { nil: undefined }) }),
      sentAt: fc.option(fc.constantFrom('2026-03-02T09:00:00.000Z', `2026-03-02T09:00:00.000Z${'0'.repeat(50)}`), { nil: undefined }),
      direction: fc.constantFrom('inbound' as const, 'outbound' as const, 'unknown' as const),
      text: hostileText,
      collapsed: fc.boolean(),
    }),
    { maxLength: 8 },
  ),
});

describe('fitting what a page shows into the protocol', () => {
  it('any snapshot becomes one the background accepts, or none when its thread id cannot be sent', () => {
    fc.assert(
      fc.property(snapshot, (s) => {
        const raw = Object.fromEntries(Object.entries(s).filter(([, x]) => x !== undefined)) as unknown as ThreadSnapshot;
        const fitted = fitSnapshot(raw);
        if (raw.threadId.length > SNAPSHOT_LIMITS.threadId) {
          expect(fitted).toBeUndefined();
          return;
        }
        const checked = v.safeParse(MESSAGE_RULES.snapshot.schema, JSON.parse(JSON.stringify(fitted)));
        expect(checked.success, JSON.stringify(checked.issues?.[0]?.path?.map((p) => p.key))).toBe(true);
        // Texts are cut, never rewritten: what is kept is what the page showed.
        expect(raw.subject.startsWith(fitted!.subject)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a thread of a thousand messages keeps its first and newest ones', () => {
    const messages = Array.from({ length: 1000 }, (_, i) => ({ id: `m${i}`, from: { email: `c${i}@example.org` }, direction: 'inbound' as const, text: `n${i}`, collapsed: false }));
    const fitted = fitSnapshot({ host: 'gmail', threadId: 't', subject: 's', messages })!;
    expect(fitted.messages).toHaveLength(SNAPSHOT_LIMITS.messages);
    expect(fitted.messages[0]!.id).toBe('m0');
    expect(fitted.messages.at(-1)!.id).toBe('m999');
  });

  it('conversation-list rows are fitted the same way', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ threadId: fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.constant('x'.repeat(600))), { nil: undefined }), subject: hostileText, snippet: fc.option(hostileText, { nil: undefined }), from: fc.record({ name: fc.option(hostileText, { nil: undefined }) }), dateText: hostileText, unread: fc.boolean() }), { maxLength: 5 }), (rows) => {
        const clean = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, x]) => x !== undefined))) as never;
        const checked = v.safeParse(MESSAGE_RULES.threadList.schema, JSON.parse(JSON.stringify({ host: 'gmail', rows: fitListRows(clean) })));
        expect(checked.success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

describe('a notification’s words', () => {
  it('carry no direction override, invisible or control character, and stay short', () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 10, max: 120 }), (text, max) => {
        const line = plainLine(text, max);
        expect(line.length).toBeLessThanOrEqual(max);
        const hidden = [...line].filter((ch) => {
          const c = ch.codePointAt(0)!;
          return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x206f) || c === 0xfeff;
        });
        expect(hidden).toEqual([]);
        expect(line).toBe(line.trim());
      }),
      { numRuns: 300 },
    );
    expect(plainLine('Refund \u202Efdp.exe\u202C now', 80)).toBe('Refund fdp.exe now');
  });
});
