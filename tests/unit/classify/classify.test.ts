import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../utils/cases/events';
import { classify } from '../../../utils/classify/index';

const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);

describe('classify', () => {
  it('returns a label, calibrated scores that sum to 1, reasons and escalation', () => {
    const result = classify({ subject: 'Question about delivery', body: 'Hi, do you deliver to Jersey, and how much does it cost?\n\nThanks,\nAnn' });
    expect(CATEGORIES).toContain(result.label);
    expect(Object.keys(result.scores).sort()).toEqual([...CATEGORIES].sort());
    expect(sum(result.scores)).toBeCloseTo(1, 3);
    expect(result.confidence).toBe(result.scores[result.label]);
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThanOrEqual(1);
    expect(result.reasons.length).toBeGreaterThan(0);
    expect(result.escalation).toEqual({ flagged: false, why: [], flags: [] });
  });

  it('tells the three kinds apart on plain examples', () => {
    expect(classify({ subject: '', body: 'What time does your Leeds store open on Sunday?' }).label).toBe('inquiry');
    expect(classify({ subject: '', body: "I can't log in to my account, the password reset email never arrives. Please help." }).label).toBe('support');
    expect(classify({ subject: '', body: 'Absolutely disgusted with your service. The sofa arrived ripped, the driver was rude and nobody answers the phone. I want my money back.' }).label).toBe('complaint');
  });

  it('learns complaint tone, not length: a short rude grievance and a long polite one', () => {
    expect(classify({ subject: '', body: 'Worst service ever. Never again.' }).label).toBe('complaint');
    const polite =
      'I am writing because I am unhappy with how my repair was handled. The engineer arrived three hours late, did not have the part, ' +
      'and left without rebooking. I took a day off work for this visit and I feel the way I was treated was not acceptable.';
    expect(classify({ subject: '', body: polite }).label).toBe('complaint');
  });

  it('lets the subject count', () => {
    const withSubject = classify({ subject: 'Cancel my subscription please', body: 'Account 5521.' });
    expect(withSubject.label).toBe('support');
  });

  it('only the newest message decides: quoted history does not', () => {
    const body = 'What are your opening hours on Saturday?\n\nOn Mon, 6 Oct 2025 at 10:00, Me <me@example.com> wrote:\n> Your service is disgusting, the worst I have ever had, I am furious and want compensation.';
    expect(classify({ subject: '', body }).label).toBe('inquiry');
  });

  it('explains with words from the message', () => {
    const result = classify({ subject: '', body: 'The app keeps crashing when I upload a photo. Can you fix it?' });
    const text = result.reasons.join(' ');
    expect(text).toMatch(/“[^”]+”/);
  });

  it('carries escalation flags and takes priorInboundCount', () => {
    const legal = classify({ subject: 'Deposit', body: 'Return my deposit by Friday or I will take legal action.' });
    expect(legal.escalation.flagged).toBe(true);
    expect(legal.escalation.why[0]).toContain('legal action');
    const repeated = classify({ subject: '', body: 'Any news on my refund?' }, { priorInboundCount: 3 });
    expect(repeated.escalation.why).toEqual(['repeated contact: 3 earlier messages from the customer']);
    expect(repeated.escalation.flags).toEqual([{ kind: 'repeat', words: [], earlierMessages: 3 }]);
  });

  it('is deterministic', () => {
    const input = { subject: 'Bill', body: 'Why has my bill gone up by £20 this month?' };
    expect(classify(input)).toEqual(classify(input));
  });
});

describe('classify on bad input', () => {
  it.each(['', '   \n\t  ', '\n\n'])('empty or whitespace (%j): low confidence and says so', (body) => {
    const result = classify({ subject: '', body });
    expect(result.confidence).toBeLessThanOrEqual(0.4);
    expect(result.reasons).toContain('too little text to decide');
    expect(sum(result.scores)).toBeCloseTo(1, 2);
  });

  it('one or two words: low confidence', () => {
    const result = classify({ subject: '', body: 'hello?' });
    expect(result.confidence).toBeLessThanOrEqual(0.4);
    expect(result.reasons[0]).toBe('too little text to decide');
  });

  it.each([
    'Guten Tag, meine Bestellung ist noch nicht angekommen. Können Sie bitte nachsehen, wo das Paket ist?',
    'Bonjour, je voudrais savoir quand ma commande sera livrée, merci de me répondre rapidement.',
    '您好，我的订单还没有到，请帮我查一下。',
    'Здравствуйте, мой заказ до сих пор не доставлен.',
  ])('non-English gets an answer with low confidence: %s', (body) => {
    const result = classify({ subject: '', body });
    expect(CATEGORIES).toContain(result.label);
    expect(result.confidence).toBeLessThanOrEqual(0.4);
    expect(result.reasons[0]).toMatch(/does not look like English/);
  });

  it('a 1 MB body is truncated safely', () => {
    const body = 'My order never arrived and nobody answers my emails. '.repeat(20_000);
    expect(body.length).toBeGreaterThan(1_000_000);
    const result = classify({ subject: 'Where is my order', body });
    expect(CATEGORIES).toContain(result.label);
    expect(sum(result.scores)).toBeCloseTo(1, 2);
  });

  it('HTML full of markup and emoji', () => {
    const body =
      '<html><head><style>p{color:red}</style></head><body><p>Hi 👋</p><p>My card was declined at the till 😩😩 even though I have money in the account.</p>' +
      '<p>Can you unblock it please? 🙏</p><p>Thanks&nbsp;&amp; regards</p></body></html>';
    const result = classify({ subject: '', body });
    expect(result.label).toBe('support');
    expect(result.reasons.join(' ')).not.toMatch(/<|style|color/);
  });

  it('emoji only', () => {
    const result = classify({ subject: '', body: '😡😡😡👎' });
    expect(result.confidence).toBeLessThanOrEqual(0.4);
    expect(result.reasons).toContain('too little text to decide');
  });

  it('tolerates missing fields at run time', () => {
    const result = classify({ subject: undefined as unknown as string, body: undefined as unknown as string });
    expect(result.reasons).toContain('too little text to decide');
  });
});
