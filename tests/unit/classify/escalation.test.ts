import { describe, expect, it } from 'vitest';
import { detectEscalation } from '../../../utils/classify/index';

const flags = (body: string, subject = '', priorInboundCount?: number) => detectEscalation({ subject, body, priorInboundCount });

describe('detectEscalation raises each flag and names the words', () => {
  it.each([
    ['legal threat', 'If this is not fixed I will take legal action.', 'legal action'],
    ['legal threat', 'I am consulting a lawyer about this.', 'consulting a lawyer'],
    ['legal threat', 'My solicitor will be in touch.', 'my solicitor will'],
    ['legal threat', "I'll see you in small claims court.", 'small claims court'],
    ['legal threat', 'I am going to sue your company.', 'going to sue'],
    ['safety or harm', 'The plug on the heater has melted.', 'plug on the heater has melted'],
    ['regulator', 'I have complained to the Financial Ombudsman.', 'financial ombudsman'],
    ['regulator', 'I will file a complaint with the CFPB.', 'cfpb'],
    ['regulator', 'This is going to the FCA.', 'fca'],
    ['regulator', 'I have reported you to Trading Standards.', 'trading standards'],
    ['regulator', "Next stop is the attorney general's office.", 'attorney general'],
    ['regulator', 'I filed a report with the Better Business Bureau.', 'better business bureau'],
    ['press or social media', 'I am going to the press with this.', 'going to the press'],
    ['press or social media', 'A journalist at the local paper is interested.', 'journalist'],
    ['press or social media', "I'll post the photos all over social media.", 'post the photos all over social media'],
    ['safety or harm', 'The charger caught fire in my kitchen.', 'caught fire'],
    ['safety or harm', 'Smoke came out of the back of the TV.', 'smoke came'],
    ['safety or harm', 'I got an electric shock from the switch.', 'electric shock'],
    ['safety or harm', 'The scaffolding is unsafe.', 'unsafe'],
    ['safety or harm', 'My mother was injured when she slipped.', 'injured'],
    ['abusive language', 'This is absolute bullshit.', 'bullshit'],
    ['abusive language', 'You are a bunch of idiots.', 'bunch of idiots'],
    ['repeated contact', "This is the third time I've written about this.", 'third time'],
    ['repeated contact', 'Still no reply from anyone.', 'still no'],
    ['repeated contact', 'I have emailed you four times already.', 'emailed you four times'],
    ['asks for a manager', 'I want to speak to a manager today.', 'speak to a manager'],
  ])('%s: %s', (kind, body, words) => {
    const result = flags(body);
    expect(result.flagged).toBe(true);
    const why = result.why.find((w) => w.startsWith(`${kind}:`));
    expect(why, result.why.join(' | ')).toBeDefined();
    expect(why).toContain(`“${words}`);
  });

  it('formats the reason as "kind: “words”"', () => {
    expect(flags('We will take legal action.').why).toEqual(['legal threat: “legal action”']);
  });

  it('flags repeated contact from the case history (two or more earlier messages)', () => {
    expect(flags('Any update on my refund?', '', 2).why).toEqual(['repeated contact: 2 earlier messages from the customer']);
    expect(flags('Any update on my refund?', '', 1).flagged).toBe(false);
  });

  it('reads the subject too', () => {
    expect(flags('See below.', 'Legal action over my deposit').flagged).toBe(true);
  });
});

describe('detectEscalation stays quiet on innocent uses', () => {
  it.each([
    'My lawyer asked for a copy of the invoice for the boiler installation.',
    'The press-fit connector broke when I took the kit apart.',
    'Press and hold the button for five seconds, is that right?',
    'Do you sell smoke alarms that link together?',
    'I have power of attorney for my mother; what do you need to see?',
    'Is your firm FCA regulated?',
    'Is there parking at the hospital for outpatients?',
    'Can I stream it on my Fire TV stick?',
    'I sent the money to my solicitor for the house completion.',
    'Do you have a press release about the new depot for our newsletter?',
    "I've tried three times to submit the form and it keeps timing out.",
    'It stopped working for the second time this year, can you book a repair?',
    'Please change the delivery address on my order.',
    'Sue from your Leeds team was very helpful, can she call me back?',
    'The chocolate melted in the van, could you send another box?',
    'I felt like an idiot in the shop because I could not find the label, where is the size shown?',
  ])('%s', (body) => {
    expect(flags(body)).toEqual({ flagged: false, why: [] });
  });

  it('ignores threats that appear only in quoted older messages', () => {
    const body = 'Thanks, the refund has arrived. All sorted.\n\nOn Tue, 14 Oct 2025 at 10:02, Me <me@example.com> wrote:\n> If this is not resolved by Friday I will take legal action and go to the press.\n> This is the fourth time I have written.';
    expect(flags(body).flagged).toBe(false);
    const outlook = 'Great, thank you.\n\nFrom: Support <s@x.example>\nSent: Monday\nSubject: RE: refund\n\nYou wrote: I am consulting a lawyer and reporting you to the ombudsman.';
    expect(flags(outlook).flagged).toBe(false);
    const html = '<div>Thanks, all good now.</div><blockquote>You lot are useless idiots and I will sue.</blockquote>';
    expect(flags(html).flagged).toBe(false);
  });

  it('ignores legal words inside a mail disclaimer', () => {
    const body = 'Please send me a VAT invoice.\n\nThis email and any attachments are confidential and intended solely for the addressee. Unauthorised use may result in legal action.';
    expect(flags(body).flagged).toBe(false);
  });
});
