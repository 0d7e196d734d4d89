import { describe, expect, it } from 'vitest';
import { MAX_PREPARED_CHARS, prepareText } from '../../../utils/classify/prepare-text';

describe('prepareText keeps only the newest message', () => {
  it('cuts Gmail "On … wrote:" history and the quoted lines below it', () => {
    const raw = 'Thanks, that fixed it.\n\nOn Tue, 14 Oct 2025 at 10:02, Harbour Support <help@harbour.example> wrote:\n> Please try restarting the router.\n> I will take legal action if this continues';
    expect(prepareText(raw)).toBe('Thanks, that fixed it.');
  });

  it('cuts a Gmail header broken over two lines', () => {
    const raw = 'Is the shop open on Sunday?\n\nOn Mon, 6 Oct 2025 at 16:40, A Very Long Sender Name\n<someone@example.com> wrote:\n> older text';
    expect(prepareText(raw)).toBe('Is the shop open on Sunday?');
  });

  it('drops ">" lines interleaved with the reply', () => {
    const raw = '> What is your account number?\n12345678\n> And the postcode?\nLS6 2QR';
    expect(prepareText(raw)).toBe('12345678\nLS6 2QR');
  });

  it('cuts an Outlook "From: … Sent: …" block', () => {
    const raw = 'Please cancel my order.\n\n________________________________\nFrom: Quickcart <orders@quickcart.example>\nSent: 14 October 2025 10:02\nTo: me@example.com\nSubject: RE: order\n\nWe have received your order.';
    expect(prepareText(raw)).toBe('Please cancel my order.');
  });

  it('cuts an Outlook block without the rule line, and the German "Von: … Gesendet:" form', () => {
    expect(prepareText('New text here.\nFrom: Support <s@x.example>\nSent: Monday\nSubject: RE: x\n\nOld text')).toBe('New text here.');
    expect(prepareText('Bitte um Rückruf.\n\nVon: Kundendienst <k@x.example>\nGesendet: Dienstag, 14. Oktober 2025 10:02\nAn: kunde@example.com\nBetreff: AW: Anfrage\n\nAlter Text')).toBe('Bitte um Rückruf.');
  });

  it('cuts forwarded messages and "Original Message" separators', () => {
    expect(prepareText('See below, can you help?\n\n---------- Forwarded message ---------\nFrom: A <a@x.example>\nDate: Mon\n\nold')).toBe('See below, can you help?');
    expect(prepareText('Any news?\n-----Original Message-----\nFrom: x\nold')).toBe('Any news?');
    expect(prepareText('FYI\n\nBegin forwarded message:\n\nFrom: x')).toBe('FYI');
  });

  it('removes signatures: "-- ", "Sent from my iPhone", Outlook mobile, sign-offs with names', () => {
    expect(prepareText('My card is blocked.\n\n-- \nJames Liu\nSenior Buyer\nT: 020 7946 0000')).toBe('My card is blocked.');
    expect(prepareText('Where is my parcel?\n\nSent from my iPhone')).toBe('Where is my parcel?');
    expect(prepareText('Where is my parcel?\n\nGet Outlook for Android')).toBe('Where is my parcel?');
    expect(prepareText('Where is my parcel?\n\nKind regards\n\nDavid Moore\n07700 900123')).toBe('Where is my parcel?');
    expect(prepareText('Hi,\n\nWhere is my parcel?\n\nThanks,\nSam')).toBe('Where is my parcel?');
  });

  it('removes legal disclaimers, even ones that mention legal action', () => {
    const raw = 'Please send the invoice.\n\nThis email and any attachments are confidential and intended solely for the addressee. Unauthorised use may result in legal action.';
    expect(prepareText(raw)).toBe('Please send the invoice.');
    expect(prepareText('Send it please.\n\nCONFIDENTIALITY NOTICE: privileged.')).toBe('Send it please.');
  });

  it('turns HTML into text, drops blockquotes and the gmail_quote part, decodes entities', () => {
    const html =
      '<div dir="ltr"><div>Hello,</div><div><br></div><div>The heater &amp; the fan don&#39;t work &ndash; &quot;E4&quot;&nbsp;shows.</div><div>Price &pound;40 &#x1F600;</div></div>' +
      '<div class="gmail_quote"><blockquote>I will sue you</blockquote></div>';
    expect(prepareText(html)).toBe('The heater & the fan don\'t work – "E4" shows.\n\nPrice £40 😀');
    expect(prepareText('<p>One</p><blockquote>quoted</blockquote><p>Two</p><script>x()</script><style>.a{}</style>')).toBe('One\n\nTwo');
  });

  it('handles empty text, emoji-only text and a 1 MB body', () => {
    expect(prepareText('')).toBe('');
    expect(prepareText('   \n\t ')).toBe('');
    expect(prepareText('👍🔥😡')).toBe('👍🔥😡');
    const huge = 'My order never arrived. '.repeat(45_000);
    expect(huge.length).toBeGreaterThan(1_000_000);
    expect(prepareText(huge).length).toBeLessThanOrEqual(MAX_PREPARED_CHARS);
  });

  it('drops a salutation on its own line but keeps a greeting that starts the message', () => {
    expect(prepareText('Dear Sir or Madam,\n\nPlease cancel my order.')).toBe('Please cancel my order.');
    expect(prepareText('Good morning Sarah,\nWhat time do you open?')).toBe('What time do you open?');
    expect(prepareText('To whom it may concern:\nI want a refund.')).toBe('I want a refund.');
    expect(prepareText('Hello, where is my parcel?')).toBe('Hello, where is my parcel?');
    expect(prepareText('Hi, I cannot log in\nplease help')).toBe('Hi, I cannot log in\nplease help');
  });

  it('keeps a message that merely mentions "on" or "from" in ordinary sentences', () => {
    const raw = 'On Monday I ordered a lamp.\nFrom what I can see it has not shipped.';
    expect(prepareText(raw)).toBe(raw);
  });
});
