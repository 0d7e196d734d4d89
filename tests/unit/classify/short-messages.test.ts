import { describe, expect, it } from 'vitest';
import { labelByRule } from '../../../scripts/label-by-rule';
import { shortTrainingMessages } from '../../../scripts/short-training-messages';
import { classify } from '../../../utils/classify/index';
import { readTone } from '../../../utils/classify/tone-cues';
import { negationScope, tokenize } from '../../../utils/classify/tokenize';

const cues = (text: string) => {
  const tokens = tokenize(text);
  return [...readTone(text, tokens, negationScope(tokens)).matched.keys()];
};

describe('the written labelling rules applied to training rows', () => {
  it.each([
    ['how do I cancel my order?', 'support', 'inquiry'],
    ['where can I change my delivery address', 'support', 'inquiry'],
    ["i don't know how to reset my password", 'support', 'inquiry'],
    ['can i increase my credit limit', 'support', 'inquiry'],
    ['cancel my order 1234', 'support', 'support'],
    ['I want to cancel my subscription', 'support', 'support'],
    ['why was my card declined?', 'support', 'support'],
    ['how do I report an error with my payment?', 'support', 'support'],
    ['what is the balance on my account', 'inquiry', 'inquiry'],
    ['I want to make a complaint', 'complaint', 'complaint'],
  ] as const)('%s (%s) → %s', (text, source, expected) => {
    expect(labelByRule(text, source)).toBe(expected);
  });
});

describe('cross-domain cues of a short message', () => {
  it.each([
    ['how long do refunds take?', 'how_question'],
    ['when does the pool open on Sundays', 'wh_question'],
    ['is the bakery open on bank holidays?', 'yes_no_question'],
    ['can I bring my dog on the ferry?', 'permission_question'],
    ['could you move my booking to Friday', 'request_to_agent'],
    ['I need a new charger', 'need_or_want'],
    ['my parcel was supposed to arrive yesterday', 'failure_report'],
    ['the machine took my money but printed nothing', 'past_event'],
    ['really not impressed with this', 'dissatisfaction'],
    ['you charged me twice', 'blame_you'],
    ['late again, every single time', 'recurrence'],
    ['seriously?? great work 🙄', 'exasperation'],
    ['paid for next-day delivery and got nothing', 'broken_promise'],
  ])('%s → %s', (text, cue) => {
    expect(cues(text)).toContain(cue);
  });

  it('a plain question carries no failure or dissatisfaction cue', () => {
    const found = cues('what time does the library open on Saturday?');
    expect(found).not.toContain('failure_report');
    expect(found).not.toContain('dissatisfaction');
  });
});

describe('short messages written by rule for training', () => {
  it('are the same every time (training stays deterministic) and balanced', () => {
    const a = shortTrainingMessages(200);
    const b = shortTrainingMessages(200);
    expect(a).toEqual(b);
    expect(a.filter((r) => r.label === 'inquiry')).toHaveLength(200);
    expect(a.filter((r) => r.label === 'support')).toHaveLength(200);
    expect(a.filter((r) => r.label === 'complaint')).toHaveLength(200);
    expect(new Set(a.map((r) => r.text.toLowerCase())).size).toBe(a.length);
  });

  it('are short: one or two sentences', () => {
    for (const { text } of shortTrainingMessages(300)) expect(text.split(/[.!?]\s+/).length, text).toBeLessThanOrEqual(3);
  });
});

/** Messages written for this test, not taken from any evaluation set. */
describe('the model reads short messages by the written rules', () => {
  it.each([
    ['how do I swap my delivery day to Thursday?', 'inquiry'],
    ['when will the new timetable start?', 'inquiry'],
    ['the kiosk took my card but printed no ticket', 'support'],
    ['please cancel my membership from next month', 'support'],
    ['third late parcel this month, absolutely fed up with you', 'complaint'],
    ['shocking service, nobody answers and the app is useless', 'complaint'],
  ] as const)('%s → %s', (body, label) => {
    expect(classify({ subject: '', body }).label).toBe(label);
  });
});
