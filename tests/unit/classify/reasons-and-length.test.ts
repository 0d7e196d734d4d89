import { describe, expect, it } from 'vitest';
import { classify } from '../../../utils/classify/index';
import { BUCKETS, extractFeatures, functionWords, isContentPair, pairHash } from '../../../utils/classify/features';

/** The quoted words of the "words: …" reason. */
function quotedWords(reasons: string[]): string[] {
  const line = reasons.find((r) => r.startsWith('words: ')) ?? '';
  return [...line.matchAll(/“([^”]+)”/g)].map((m) => m[1] ?? '');
}

const hashedNorm = (text: string) => {
  const { index, value } = extractFeatures(text).vector;
  return Math.sqrt(index.reduce((s, idx, n) => (idx < BUCKETS ? s + (value[n] ?? 0) ** 2 : s), 0));
};

const LONG_POLITE_INQUIRY =
  'Good morning. My wife and I have been customers of your building society for nearly twenty years, and we have always ' +
  'found the branch staff friendly and helpful, so we thought we would ask you first. Our eldest son has just started his ' +
  'first job, and we would like to help him begin saving regularly. We have read a little about the regular saver and the ' +
  'junior ISA, but we are not sure which of them would suit someone of twenty who is earning for the first time, and ' +
  'whether he could open it himself online or would need to visit the branch with his passport. We would also like to know ' +
  'whether the interest rate is fixed for the year and what happens if he misses a monthly payment. Kind regards, Alan';

const LONG_SUPPORT_REQUEST =
  'Hello, we have had your router for about a year and it has worked well until this week. Since Tuesday evening the ' +
  'wireless network disappears several times an hour and the light on the front turns orange for a minute before coming ' +
  'back. I have restarted it, moved it away from the microwave, and checked that the cables at the back are firmly in. ' +
  'The laptop connected by cable keeps working when the wireless drops, so the line itself seems fine. Could you check ' +
  'the line from your side, or send an engineer or a replacement router if that would be quicker? Thanks, Bea';

describe('classify reasons', () => {
  const messages = [
    LONG_POLITE_INQUIRY,
    LONG_SUPPORT_REQUEST,
    'I am writing, once again, about the refund I was promised in March. It has not arrived, and on the phone I was told, so I was told, that it was sent.',
    'Hi, so, and the, of a, on . i, the app keeps crashing when I upload a photo. Can you fix it?',
  ];

  it('names only words and word pairs: no punctuation, no numbers, no pair of two function words', () => {
    for (const body of messages) {
      const words = quotedWords(classify({ subject: '', body }).reasons);
      expect(words.length, body).toBeGreaterThan(0);
      for (const w of words) {
        expect(w, body).toMatch(/^[a-z\u00c0-\u024f']+(?: [a-z\u00c0-\u024f']+)?$/);
        const parts = w.split(' ');
        expect(parts.every((p) => functionWords().has(p)), w).toBe(false);
        if (parts.length === 1) expect(w.length, w).toBeGreaterThanOrEqual(3);
      }
    }
  });
});

describe('features against the length and register shortcut', () => {
  it('makes no feature of a pair of function words or punctuation', () => {
    expect(isContentPair('and', 'a')).toBe(false);
    expect(isContentPair('.', 'i')).toBe(false);
    expect(isContentPair(',', 'so')).toBe(false);
    expect(isContentPair('copy', 'of')).toBe(true);
    expect(isContentPair('<s>', 'how')).toBe(true);
    const { index } = extractFeatures('and a').vector;
    const pair = pairHash('and', 'a') & (BUCKETS - 1);
    expect(index).not.toContain(pair);
  });

  it('keeps short messages at unit length and damps long ones so they cannot pile up evidence', () => {
    expect(hashedNorm('Can you fix it?')).toBeCloseTo(1, 6);
    const long = hashedNorm(LONG_POLITE_INQUIRY);
    expect(long).toBeLessThan(0.5);
    expect(long).toBeGreaterThan(0);
  });

  it('does not read long, polite, well-written mail as a complaint', () => {
    const inquiry = classify({ subject: 'Savings for our son', body: LONG_POLITE_INQUIRY });
    expect(inquiry.label).toBe('inquiry');
    const support = classify({ subject: 'Wireless keeps dropping', body: LONG_SUPPORT_REQUEST });
    expect(support.label).toBe('support');
  });
});
