import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, detectEscalation, ESCALATION_KINDS, mergeEscalations, type EscalationKind } from '../../../utils/classify/index';
import { readMaskedWords, readToken } from '../../../utils/classify/escalation/read-masked-words';
import { isHypothetical, isNegated, titleLines } from '../../../utils/classify/escalation/innocent-context';

const flags = (body: string, subject = '', priorInboundCount?: number) => detectEscalation({ subject, body, priorInboundCount });
const kinds = (body: string, subject = '') => flags(body, subject).flags.map((f) => f.kind);

/**
 * Sentences written for these tests (not taken from the evaluation set): each must raise its kind
 * and cite the words shown.
 */
const RAISES: [EscalationKind, string, string][] = [
  ['legal', 'If the deposit is not back by Friday I will take legal action.', 'legal action'],
  ['legal', 'I have instructed a solicitor and you will hear from her.', 'instructed a solicitor'],
  ['legal', 'My attorney is drafting the complaint as we speak.', 'My attorney is drafting'],
  ['legal', 'Consider this a letter before claim.', 'letter before claim'],
  ['legal', "I'll be filing in small claims next week.", 'small claims'],
  ['legal', 'We are ready to sue over the missing pallets.', 'ready to sue'],
  ['legal', 'Voy a poner una demanda si no me devolvéis el dinero.', 'poner una demanda'],
  ['regulator', 'Next stop is the Pensions Ombudsman.', 'Ombudsman'],
  ['regulator', 'I have lodged it with the Information Commissioner.', 'Information Commissioner'],
  ['regulator', 'A complaint is on its way to Ofgem.', 'Ofgem'],
  ['regulator', 'The state public utility commission will hear about this.', 'public utility commission'],
  ['regulator', 'I reported the shop to the police.', 'reported the shop to the police'],
  ['regulator', 'Pienso reclamar ante Consumo.', 'ante Consumo'],
  ['safety', 'The toaster burst into flames on the worktop.', 'burst into flames'],
  ['safety', 'My son cut his hand on the broken edge of the tray.', 'cut his hand'],
  ['safety', 'There was a piece of metal in the soup.', 'piece of metal'],
  ['safety', 'She went into anaphylactic shock after one bite.', 'anaphylactic'],
  ['safety', 'The power bank got hot to the touch and the case is bulging battery-side.', 'hot to the touch'],
  ['safety', 'The lorry’s tyre blew out on the bypass.', 'tyre blew'],
  ['safety', 'The pharmacy handed over the wrong insulin.', 'wrong insulin'],
  ['safety', 'We could smell gas in the hallway after the visit.', 'smell gas'],
  ['abuse', 'You are a bunch of useless clowns.', 'bunch of useless clowns'],
  ['abuse', 'this f***ing company', 'f***ing'],
  ['abuse', 'what a load of sh!t', 'sh!t'],
  ['abuse', 'Your agent is a total idi0t.', 'idi0t'],
  ['abuse', 'tell your driver I know where he lives', 'I know where he lives'],
  ['abuse', 'f.u.c.k this', 'f.u.c.k'],
  ['media', 'I am taking this to the local paper.', 'taking this to the local paper'],
  ['media', 'Expect a very honest review on Tripadvisor.', 'honest review'],
  ['media', "I'll post the whole chat on TikTok tonight.", 'post the whole chat on TikTok'],
  ['media', 'A reporter from the Echo wants to talk to me.', 'reporter from the'],
  ['executive', 'Dear Chief Executive,\n\nI write about my pension transfer.', 'Dear Chief Executive'],
  ['executive', 'I have copied your managing director into this email.', 'copied your managing director'],
  ['executive', 'Please pass my details to your CEO’s office.', 'CEO’s office'],
  ['privacy', 'Your email had another customer’s address and order on it.', 'another customer’s address'],
  ['privacy', 'Someone hacked my account and changed the password.', 'hacked my account'],
  ['privacy', 'I am making a subject access request for my call recordings.', 'subject access request'],
  ['privacy', 'You passed my phone number to a debt agency without my consent.', 'without my consent'],
  ['vulnerable', 'My father passed away last month and the account is in his name.', 'father passed away'],
  ['vulnerable', "I'm going through chemotherapy and can't get to the branch.", 'chemotherapy'],
  ['vulnerable', 'I really can’t cope any more with these letters.', 'can’t cope'],
  ['vulnerable', 'I can’t afford to top up the meter until Friday.', 'can’t afford to top up'],
  ['vulnerable', 'I use a wheelchair and the lift at your branch is broken.', 'wheelchair'],
  ['repeat', 'This is my fifth email about the same fault.', 'fifth email'],
  ['repeat', 'I have called you four times this week.', 'called you four times'],
  ['repeat', 'Still no reply to my complaint from March.', 'Still no reply'],
  ['repeat', 'Nobody has ever got back to me.', 'Nobody has ever got back'],
  ['repeat', 'Tercera vez que escribo por esto.', 'Tercera vez que escribo'],
];

describe('detectEscalation raises each of the nine kinds and cites the words', () => {
  it('covers every kind', () => {
    expect(new Set(RAISES.map(([k]) => k))).toEqual(new Set(ESCALATION_KINDS));
  });

  it.each(RAISES)('%s: %s', (kind, body, words) => {
    const result = flags(body);
    expect(result.flagged).toBe(true);
    const flag = result.flags.find((f) => f.kind === kind);
    expect(flag, result.why.join(' | ')).toBeDefined();
    expect(flag!.words.join(' | ').toLowerCase()).toContain(words.toLowerCase());
  });

  it('formats `why` as "kind: “words”" in procedure order', () => {
    const result = flags('This is my third email. I will take legal action.');
    expect(result.why).toEqual(['legal action: “legal action”', 'repeated contact: “third email”']);
  });

  it('cites masked words as the customer wrote them', () => {
    expect(flags('you are all f**king useless').flags[0]).toEqual({ kind: 'abuse', words: ['f**king'] });
  });

  it('raises repeated contact from the case history (two or more earlier messages)', () => {
    expect(flags('Any update on my refund?', '', 2).flags).toEqual([{ kind: 'repeat', words: [], earlierMessages: 2 }]);
    expect(flags('Any update on my refund?', '', 1).flagged).toBe(false);
  });

  it('reads the subject too, without its "Re:"', () => {
    expect(kinds('See below.', 'RE: Re: Legal action over my deposit')).toEqual(['legal']);
  });
});

/** Trigger words in innocent senses, one row per sense the issue names. */
const QUIET: [string, string][] = [
  ['negation', "I'm not going to take legal action, I just want the right size."],
  ['negation', 'Nobody was hurt, the box was just dented.'],
  ['negation', 'There is no smell of gas, only a clicking noise from the boiler.'],
  ['negation', "I don't want to go to the ombudsman over a £3 charge."],
  ['negation', 'No data breach here, I only forgot my password.'],
  ['hypothetical', 'If the battery ever overheated, would the warranty cover it?'],
  ['hypothetical', 'In the event of a data breach, how would you let customers know?'],
  ['hypothetical', 'What happens if there is a product recall on the cot?'],
  ['signature', 'Please send the renewal quote.\n\nRegards,\nAmy Patel\nHead of Legal, Brook Freight'],
  ['signature', 'Could you book the van in on Tuesday?\n\nLiam Ford\nHealth and Safety Officer | Ford Build'],
  ['job title', "I'm a journalist and I travel a lot, which roaming plan suits me?"],
  ['job title', 'Our CEO would like a quote for 40 laptops.'],
  ['job title', 'As a solicitor I need a client account, what do you offer?'],
  ['routing', 'Could you forward this to your legal team so they can update the contract address?'],
  ['routing', 'Please pass this to your press office, I want a photo for the parish magazine.'],
  ['routing', 'Can you escalate my ticket to the warehouse team?'],
  ['other sense', 'Do you sell smoke alarms that link together?'],
  ['other sense', 'Is your firm FCA regulated?'],
  ['other sense', 'Is there parking at the hospital for outpatients?'],
  ['other sense', 'Can I stream it on my Fire TV stick?'],
  ['other sense', 'I have power of attorney for my mother; what do you need to see?'],
  ['other sense', 'I sent the money to my solicitor for the house completion.'],
  ['other sense', 'My lawyer asked for a copy of the invoice for the boiler installation.'],
  ['other sense', 'Do you have a press release about the new depot for our newsletter?'],
  ['other sense', "I've tried three times to submit the form and it keeps timing out."],
  ['other sense', 'It stopped working for the second time this year, can you book a repair?'],
  ['other sense', 'Sue from your Leeds team was very helpful, can she call me back?'],
  ['other sense', 'The chocolate melted in the van, could you send another box?'],
  ['other sense', 'I felt like an idiot in the shop because I could not find the label.'],
  ['other sense', "I'm an idiot, I typed the wrong postcode."],
  ['other sense', 'I can’t recall which card I paid with.'],
  ['other sense', 'My phone battery died, can you text the code again?'],
  ['other sense', 'Is the Ofgem price cap going up in January?'],
  ['other sense', 'Is the Scunthorpe store open late?'],
  ['other sense', 'Are the shiitake dumplings vegan?'],
  ['other sense', 'I left you a five-star review on Trustpilot!'],
  ['other sense', 'There is a bug in the order page when I pick a date.'],
  ['other sense', 'The cash machine swallowed my card, can you send a new one?'],
  ['other sense', 'I got a shock when I saw the bill, why is it so high?'],
  ['other sense', 'My late delivery finally came, thanks.'],
  ['other sense', 'Is half board or full board better value at the lake hotel?'],
  ['other sense', "I'm deaf, could you reply by email rather than call?"],
  ['other sense', 'Is there a senior discount? My dad is 80.'],
];

describe('detectEscalation stays quiet on innocent uses', () => {
  it.each(QUIET)('%s: %s', (_, body) => {
    expect(flags(body)).toEqual({ flagged: false, why: [], flags: [] });
  });

  it('ignores threats that appear only in quoted older messages', () => {
    const body = 'Thanks, the refund has arrived. All sorted.\n\nOn Tue, 14 Oct 2025 at 10:02, Me <me@example.com> wrote:\n> If this is not resolved by Friday I will take legal action and go to the press.\n> This is the fourth time I have written.';
    expect(flags(body).flagged).toBe(false);
    const outlook = 'Great, thank you.\n\nFrom: Support <s@x.example>\nSent: Monday\nSubject: RE: refund\n\nYou wrote: I am consulting a lawyer and reporting you to the ombudsman.';
    expect(flags(outlook).flagged).toBe(false);
    const html = '<div>Thanks, all good now.</div><blockquote>You lot are useless idiots and I will sue.</blockquote>';
    expect(flags(html).flagged).toBe(false);
    expect(flags('Cheers, that works.\n> you f***ing clowns').flagged).toBe(false);
  });

  it('ignores legal words inside a mail disclaimer', () => {
    const body = 'Please send me a VAT invoice.\n\nThis email and any attachments are confidential and intended solely for the addressee. Unauthorised use may result in legal action.';
    expect(flags(body).flagged).toBe(false);
  });

  it('keeps hedged and conditional threats: the threat is in the main clause', () => {
    expect(kinds("I don't want to have to take legal action, but I will.")).toEqual(['legal']);
    expect(kinds("If this isn't refunded by Monday I'll go to the ombudsman.")).toEqual(['regulator']);
    expect(kinds('Unless you fix it, my solicitor will be in touch.')).toEqual(['legal']);
    expect(kinds('Not only did it catch fire, it melted the socket.')).toEqual(['safety']);
  });
});

describe('masked and misspelt words are read', () => {
  it.each([
    ['f***', 'fuck'],
    ['f**king', 'fucking'],
    ['F***ING', 'fucking'],
    ['sh!t', 'shit'],
    ['sh*t', 'shit'],
    ['b*stards', 'bastards'],
    ['a$$holes', 'assholes'],
    ['idi0ts', 'idiots'],
    ['m0ron', 'moron'],
    ['fcuk', 'fuck'],
    ['fuuuuck', 'fuck'],
    ['stfu', 'shut the fuck up'],
    ['wtf', 'what the fuck'],
    ['idoit', 'idiot'],
  ])('%s reads as %s', (written, read) => {
    expect(readToken(written)).toBe(read);
  });

  it.each(['price*', 'e.g.', '4x4', 'Scunthorpe', 'shiitake', 'class', 'cocktail', 'bankers', 'carp', 'hello', 'www.example.com', '10mg'])('%s is left alone', (word) => {
    expect(readToken(word)).toBeUndefined();
  });

  it('reads letters written apart and maps the reading back to the original text', () => {
    const original = 'Listen, F u c k off!';
    const reading = readMaskedWords(original);
    expect(reading.text).toBe('listen, fuck off!');
    const at = reading.text.indexOf('fuck');
    expect(original.slice(reading.origin[at], reading.origin[at + 4])).toBe('F u c k');
  });

  it('reads names of built-in object members ("constructor", "__proto__") as ordinary words', () => {
    const words = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];
    for (const w of words) expect(readToken(w)).toBeUndefined();
    const original = 'Your API docs call constructor, toString, __proto__ and hasOwnProperty on the order object: which one returns the status?';
    const reading = readMaskedWords(original);
    expect(reading.text).toBe(original.toLowerCase());
    expect(reading.origin).toEqual(Array.from({ length: original.length + 1 }, (_, i) => i));
    expect(detectEscalation({ subject: 'constructor toString __proto__', body: original })).toEqual({ flagged: false, why: [], flags: [] });
    expect(classify({ subject: 'hasOwnProperty', body: original }).escalation.flagged).toBe(false);
  });
});

describe('the innocent-sense checks', () => {
  const at = (text: string, words: string) => text.toLowerCase().indexOf(words);
  it('negation needs a negator close by in the same clause', () => {
    const a = "i'm not looking to take legal action";
    expect(isNegated(a, at(a, 'legal'))).toBe(true);
    const b = "if it isn't refunded i will take legal action";
    expect(isNegated(b, at(b, 'take'))).toBe(false);
    const c = 'no one was hurt but the kettle caught fire';
    expect(isNegated(c, at(c, 'caught'))).toBe(false);
  });

  it('an object pronoun keeps the negation in scope; a subject with a verb starts a new clause', () => {
    const a = "i'm not going to take you to court";
    expect(isNegated(a, at(a, 'court'), 10)).toBe(true);
    const b = "if you don't refund me you will hear from my solicitor";
    expect(isNegated(b, at(b, 'hear'))).toBe(false);
  });

  it('a hypothetical question is hypothetical as a whole', () => {
    const a = 'if i had a complaint, how would i take it to the ombudsman?';
    expect(isHypothetical(a, at(a, 'ombudsman'), at(a, 'ombudsman') + 9)).toBe(true);
  });

  it('a hypothetical covers only the if-part', () => {
    const a = 'what happens if the battery overheats?';
    expect(isHypothetical(a, at(a, 'overheats'), a.length - 1)).toBe(true);
    const b = 'if it is not fixed i will go to the ombudsman';
    expect(isHypothetical(b, at(b, 'ombudsman'), b.length)).toBe(false);
  });

  it('finds signature and title lines but keeps an addressee under "Dear"', () => {
    const text = 'dear mr patel,\nceo, southern water\nmy water is brown.\namy, legal counsel | brook freight';
    const lines = titleLines(text).map((r) => text.slice(r.start, r.end));
    expect(lines).toEqual(['amy, legal counsel | brook freight']);
  });
});

/** Broad vocabulary: one strong word is enough, unless the sentence is an innocent context. */
describe('the broad vocabulary of each kind', () => {
  it.each([
    ['legal', "Fine, we'll let a judge settle it."],
    ['regulator', 'My MP will be reading all of this.'],
    ['safety', 'The fire brigade had to come out because of your charger.'],
    ['abuse', 'you absolute pillock'],
    ['media', "I'll be live streaming the whole call."],
    ['executive', "I'm going over your head to the directors."],
    ['privacy', 'The till receipt shows my full card number.'],
    ['vulnerable', 'I have been sofa surfing since the flood.'],
    ['repeat', "I've lost count of how many times I've asked."],
  ] as const)('%s: %s', (kind, body) => {
    expect(kinds(body)).toContain(kind);
  });

  it.each([
    'Reviews?',
    'Press enquiry',
  ])('not from a subject line alone: %s', (subject) => {
    expect(flags('Could you send me the details?', subject).flagged).toBe(false);
  });

  it.each([
    'Can I message you on Facebook instead?',
    'Where is your head office? I want to send a cheque.',
    'My son has a mild nut allergy, which biscuits are safe?',
    'Is there a cross contamination risk in the bakery?',
    'What is the emergency number for a gas leak?',
    'My wife is a paramedic, is there a discount?',
    'Our head office has moved, please update the address.',
    'Our debt team will ring you about the new card.',
    'The app is so buggy, please fix the login.',
  ])('quiet in context: %s', (body) => {
    expect(flags(body).flagged).toBe(false);
  });
});

describe('flags through classify and across messages', () => {
  it('sees a formal salutation to an executive, which the model does not need', () => {
    const result = classify({ subject: 'Complaint', body: 'Dear Managing Director,\n\nI am writing about my kitchen fitting.\n\nYours faithfully,\nA. Kaur' });
    expect(result.escalation.flags.map((f) => f.kind)).toEqual(['executive']);
  });

  it('merges the flags of several messages in procedure order, three words a kind at most', () => {
    const merged = mergeEscalations([flags('This is my third email.'), flags('I will sue. My lawyer will call. See you in court. Small claims it is.'), flags('Still no reply.')]);
    expect(merged.flags.map((f) => f.kind)).toEqual(['legal', 'repeat']);
    expect(merged.flags[0]!.words.length).toBeLessThanOrEqual(3);
    expect(merged.flags[1]!.words).toEqual(['third email', 'Still no reply']);
  });
});

describe('the sidebar names every kind', () => {
  it.each(['en', 'es'])('in %s', (lang) => {
    const messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
    for (const kind of ESCALATION_KINDS) expect(messages[`escalation_kind_${kind}`]?.message, kind).toMatch(/\S/);
    expect(messages.escalation_earlier_messages?.message).toContain('$ARG1$');
  });
});
