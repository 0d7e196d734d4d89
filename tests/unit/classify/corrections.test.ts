import { describe, expect, it } from 'vitest';
import { classify, correctionFrom, CORRECTION_THRESHOLD, type Correction } from '../../../utils/classify/index';

const thread = {
  subject: 'Delivery',
  body: 'Hi, the tracking says my parcel was delivered yesterday but nothing arrived at my door. Can you check with the courier?\n\nThanks,\nAnna',
};
const paraphrases = [
  { subject: 'Parcel', body: 'Tracking shows the parcel as delivered yesterday, but it never arrived at my door. Could you check with your courier?' },
  { subject: '', body: 'my parcel says delivered but nothing arrived. can you check with the courier please' },
  { subject: 'Re: Delivery', body: 'Hello, tracking says delivered yesterday, nothing has arrived at my door. Please check with the courier.' },
];
const unrelated = [
  { subject: 'Mortgage', body: 'What is your current two year fixed mortgage rate?' },
  { subject: 'Login', body: "I can't log in to my account since the update. Please reset it." },
  { subject: 'Staff', body: 'Your staff were rude to me in the store and I want an apology.' },
  { subject: 'Parcel', body: 'Do you deliver parcels to the Isle of Skye and what does it cost?' },
];

describe('learning from agents’ corrections', () => {
  const before = classify(thread);
  // The agent picks a label the model did not choose.
  const agentLabel = before.label === 'complaint' ? 'support' : 'complaint';
  const correction = correctionFrom(thread, agentLabel, 'corr-1', '2026-01-05T10:00:00.000Z');

  it('stores hashed features only, never raw text', () => {
    const json = JSON.stringify(correction);
    for (const word of ['tracking', 'parcel', 'courier', 'Anna', 'delivered']) expect(json).not.toContain(word);
    expect(correction.features.index.length).toBe(correction.features.value.length);
    expect(correction.features.index.length).toBeGreaterThan(10);
    expect([...correction.features.index].sort((a, b) => a - b)).toEqual(correction.features.index);
    const norm = Math.sqrt(correction.features.value.reduce((s, v) => s + v * v, 0));
    expect(norm).toBeCloseTo(1, 2);
    expect(correction).toMatchObject({ id: 'corr-1', label: agentLabel, at: '2026-01-05T10:00:00.000Z' });
  });

  it('survives a JSON round trip (it syncs to the team)', () => {
    const synced = JSON.parse(JSON.stringify(correction)) as Correction;
    expect(classify(thread, { corrections: [synced] }).label).toBe(agentLabel);
  });

  it('the corrected thread then gets the agent’s label, with a reason', () => {
    const after = classify(thread, { corrections: [correction] });
    expect(after.label).toBe(agentLabel);
    expect(after.confidence).toBeGreaterThan(0.5);
    expect(after.scores[agentLabel]).toBe(after.confidence);
    expect(after.reasons[0]).toMatch(/^corrected by an agent on a similar thread/);
  });

  it.each(paraphrases)('close paraphrases get it too: $body', (input) => {
    expect(classify(input, { corrections: [correction] }).label).toBe(agentLabel);
  });

  it.each(unrelated)('unrelated threads do not change: $body', (input) => {
    expect(classify(input, { corrections: [correction] })).toEqual(classify(input));
  });

  it('the most similar correction wins, the newer one on a tie', () => {
    const other = correctionFrom(unrelated[0]!, 'support', 'corr-2', '2026-01-06T10:00:00.000Z');
    expect(classify(thread, { corrections: [other, correction] }).label).toBe(agentLabel);
    const newer = { ...correction, id: 'corr-3', label: 'inquiry' as const, at: '2026-02-01T00:00:00.000Z' };
    expect(classify(thread, { corrections: [correction, newer] }).label).toBe('inquiry');
  });

  it('has a sensible threshold', () => {
    expect(CORRECTION_THRESHOLD).toBeGreaterThan(0.3);
    expect(CORRECTION_THRESHOLD).toBeLessThan(0.9);
  });
});
