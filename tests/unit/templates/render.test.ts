import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatDay, formatDue, isAllowedHref, parseBody, renderTemplate } from '../../../utils/templates';
import type { TemplateBlock } from '../../../utils/templates';

const render = (body: string, values: Record<string, string | undefined> = {}) => renderTemplate({ body }, values);

describe('renderTemplate: structure', () => {
  it('splits paragraphs on blank lines and turns single newlines into breaks', () => {
    const out = render('Hello Jane,\n\nLine one\nLine two\n\n\n\nBye');
    expect(out.blocks).toEqual<TemplateBlock[]>([
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'Hello Jane,' }] },
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'Line one' }, { kind: 'break' }, { kind: 'text', text: 'Line two' }] },
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'Bye' }] },
    ]);
    expect(out.text).toBe('Hello Jane,\n\nLine one\nLine two\n\nBye');
    expect(out.cursor).toBeNull();
  });

  it('accepts Windows line ends, whitespace-only separator lines and trailing spaces', () => {
    const out = render('\r\n  \r\nA  \r\nB\r\n \t \r\nC\r\n\r\n');
    expect(out.text).toBe('A\nB\n\nC');
    expect(out.blocks).toHaveLength(2);
  });

  it('renders an empty body as nothing', () => {
    expect(render('')).toEqual({ blocks: [], text: '', missing: [], cursor: null });
  });

  it('keeps markup-looking characters of the template as text', () => {
    const out = render('<b>bold</b> *not* _markdown_ & [brackets] (parens)');
    expect(out.blocks[0]?.runs).toEqual([{ kind: 'text', text: '<b>bold</b> *not* _markdown_ & [brackets] (parens)' }]);
  });
});

describe('renderTemplate: values are text', () => {
  it('fills placeholders, tolerating spaces inside the braces', () => {
    const out = render('Hi {{ customer.firstName }}, ref {{case.reference}}.', { 'customer.firstName': 'Jane', 'case.reference': 'CL-1' });
    expect(out.text).toBe('Hi Jane, ref CL-1.');
    expect(out.blocks[0]?.runs).toEqual([{ kind: 'text', text: 'Hi Jane, ref CL-1.' }]);
    expect(out.missing).toEqual([]);
  });

  it('never turns a value into a link, a placeholder or markup', () => {
    const evil = '[click](https://evil.example) {{agent.name}} <b>x</b> <img src=x onerror=alert(1)>';
    const out = render('Hello {{customer.firstName}}', { 'customer.firstName': evil, 'agent.name': 'SHOULD NOT APPEAR' });
    expect(out.blocks).toEqual([{ kind: 'paragraph', runs: [{ kind: 'text', text: `Hello ${evil}` }] }]);
    expect(out.text).toBe(`Hello ${evil}`);
    expect(out.text).not.toContain('SHOULD NOT APPEAR');
  });

  it('keeps a value inside a link label as label text only', () => {
    const out = render('[Case {{case.reference}}](https://desk.example/cases)', { 'case.reference': '](javascript:alert(1))' });
    expect(out.blocks[0]?.runs).toEqual([{ kind: 'link', text: 'Case ](javascript:alert(1))', href: 'https://desk.example/cases' }]);
  });

  it('puts a value on one line: newlines become spaces, control characters go', () => {
    const out = render('Dear {{customer.name}},', { 'customer.name': 'Jane\nDoe\r\nJr\u0007' });
    expect(out.text).toBe('Dear Jane Doe Jr,');
    expect(out.blocks[0]?.runs).toHaveLength(1);
  });

  it('reports missing and blank values once each, in order, and shows them as placeholders', () => {
    const out = render('{{b}} {{a}} {{b}} {{c}}', { a: 'A', c: '   ' });
    expect(out.missing).toEqual(['b', 'c']);
    expect(out.text).toBe('{{b}} A {{b}} {{c}}');
  });

  it('does not take values from the prototype chain', () => {
    const out = render('{{constructor}} {{toString}} {{hasOwnProperty}}', {});
    expect(out.missing).toEqual(['constructor', 'toString', 'hasOwnProperty']);
    expect(out.text).toBe('{{constructor}} {{toString}} {{hasOwnProperty}}');
  });

  it('property: whatever the value, it appears verbatim (one line) and adds no run but text', () => {
    // eslint-disable-next-line no-control-regex
    const lineBreaksAndControls = /[\r\n\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f]/g;
    fc.assert(
      fc.property(fc.string().map((s) => s.replace(lineBreaksAndControls, '')).filter((s) => s.trim() !== ''), (value) => {
        const out = render('Before {{customer.name}} after', { 'customer.name': value });
        expect(out.text).toBe(`Before ${value} after`);
        expect(out.blocks).toHaveLength(1);
        expect(out.blocks[0]?.runs.every((r) => r.kind === 'text')).toBe(true);
        expect(out.missing).toEqual([]);
      }),
    );
  });
});

describe('renderTemplate: links', () => {
  it('renders http, https and mailto links; plain text shows the address', () => {
    const out = render('See [our guide](https://help.example/guide) or [mail us](mailto:help@example.com) or [http://x.example](http://x.example).');
    expect(out.blocks[0]?.runs).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'our guide', href: 'https://help.example/guide' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'mail us', href: 'mailto:help@example.com' },
      { kind: 'text', text: ' or ' },
      { kind: 'link', text: 'http://x.example', href: 'http://x.example' },
      { kind: 'text', text: '.' },
    ]);
    expect(out.text).toBe('See our guide (https://help.example/guide) or mail us (help@example.com) or http://x.example.');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,hi',
    'vbscript:x',
    'ftp://files.example',
    '/relative/path',
    '//evil.example',
    'https:evil.example',
    'mailto:not-an-address',
    'file:///etc/passwd',
  ])('keeps a link to %s as literal text', (href) => {
    const source = `[x](${href})`;
    const out = render(source);
    expect(out.blocks[0]?.runs).toEqual([{ kind: 'text', text: source }]);
    expect(parseBody(source).problems.map((p) => p.code)).toEqual(['invalid_link']);
  });

  it('refuses placeholders in a link address', () => {
    const out = render('[profile](https://x.example/{{customer.email}})', { 'customer.email': 'a@b.c' });
    expect(out.blocks[0]?.runs).toEqual([{ kind: 'text', text: '[profile](https://x.example/{{customer.email}})' }]);
    expect(parseBody('[p](https://x.example/{{a}})').problems[0]?.code).toBe('placeholder_in_link_address');
  });

  it('accepts balanced parentheses in an address', () => {
    const out = render('[Wiki](https://en.wikipedia.org/wiki/Tea_(drink)).');
    expect(out.blocks[0]?.runs).toEqual([{ kind: 'link', text: 'Wiki', href: 'https://en.wikipedia.org/wiki/Tea_(drink)' }, { kind: 'text', text: '.' }]);
  });

  it('isAllowedHref accepts only http(s) with a host and mailto with an address', () => {
    expect(isAllowedHref('https://example.com/a?b=c#d')).toBe(true);
    expect(isAllowedHref('mailto:help@example.com?subject=Hi')).toBe(true);
    expect(isAllowedHref('https://exa mple.com')).toBe(false);
    expect(isAllowedHref('https://')).toBe(false);
    expect(isAllowedHref('')).toBe(false);
  });
});

describe('renderTemplate: cursor', () => {
  it('marks the caret in blocks and gives its offset in text', () => {
    const out = render('Hello,\n\n{{cursor}}\n\nBye', {});
    expect(out.blocks[1]).toEqual({ kind: 'paragraph', runs: [{ kind: 'cursor' }] });
    expect(out.text).toBe('Hello,\n\n\n\nBye');
    expect(out.cursor).toBe('Hello,\n\n'.length);
  });

  it('places an inline cursor between the text runs and after filled values', () => {
    const out = render('Dear {{customer.firstName}}, {{cursor}}thanks', { 'customer.firstName': 'Ana' });
    expect(out.blocks[0]?.runs).toEqual([{ kind: 'text', text: 'Dear Ana, ' }, { kind: 'cursor' }, { kind: 'text', text: 'thanks' }]);
    expect(out.text.slice(0, out.cursor ?? -1)).toBe('Dear Ana, ');
  });

  it('keeps only the first cursor and is not reported missing', () => {
    const out = render('{{cursor}}a{{cursor}}b');
    expect(out.blocks[0]?.runs).toEqual([{ kind: 'cursor' }, { kind: 'text', text: 'ab' }]);
    expect(out.missing).toEqual([]);
    expect(out.cursor).toBe(0);
  });
});

describe('formatDue and formatDay', () => {
  it('writes a deadline with weekday, day, month and 24-hour time in the given zone', () => {
    expect(formatDue('2025-11-28T17:00:00Z', 'Europe/London', 'en')).toBe('Friday 28 November, 17:00');
    expect(formatDue('2025-11-28T17:00:00Z', 'Europe/Madrid', 'en-GB')).toBe('Friday 28 November, 18:00');
    expect(formatDue('2025-11-28T17:00:00Z', 'America/New_York', 'en-US')).toBe('Friday 28 November, 12:00');
    expect(formatDue('2025-11-28T23:30:00Z', 'Asia/Tokyo', 'en')).toBe('Saturday 29 November, 08:30');
    expect(formatDue('2025-11-28T00:05:00Z', 'UTC', 'en')).toBe('Friday 28 November, 00:05');
  });

  it('writes Spanish deadlines the Spanish way', () => {
    expect(formatDue('2025-11-28T16:00:00Z', 'Europe/Madrid', 'es')).toBe('viernes 28 de noviembre, 17:00');
    expect(formatDue('2025-06-02T07:00:00Z', 'Europe/Madrid', 'es-ES')).toBe('lunes 2 de junio, 09:00');
  });

  it('writes days with the year', () => {
    expect(formatDay('2025-11-26T09:30:00Z', 'Europe/Madrid', 'en')).toBe('Wednesday 26 November 2025');
    expect(formatDay('2025-11-26T09:30:00Z', 'Europe/Madrid', 'es')).toBe('miércoles 26 de noviembre de 2025');
  });

  it('falls back to Intl wording for other locales', () => {
    expect(formatDue('2025-11-28T17:00:00Z', 'Europe/Berlin', 'de')).toMatch(/Freitag.*28.*November.*18:00/);
  });

  it('rejects an invalid instant or zone', () => {
    expect(() => formatDue('not a date', 'UTC', 'en')).toThrow(RangeError);
    expect(() => formatDue('2025-11-28T17:00:00Z', 'Mars/Olympus', 'en')).toThrow(RangeError);
  });
});
