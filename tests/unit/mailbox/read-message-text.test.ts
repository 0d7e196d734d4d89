// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { gmailSelectors } from '../../../utils/mailbox/gmail';
import { outlookSelectors } from '../../../utils/mailbox/outlook';
import { readNewestText, tidyText } from '../../../utils/mailbox/read-message-text';
import { loadHtml, type LoadedPage } from './load-page';

let page: LoadedPage | undefined;
afterEach(async () => {
  await page?.close();
});
function body(markup: string): Element {
  page = loadHtml(`<!DOCTYPE html><html><body><div id="b">${markup}</div></body></html>`, 'https://example.com/');
  return page.document.getElementById('b')!;
}

describe('readNewestText', () => {
  it('drops Gmail quotes and trimmed content, keeps the text after them', () => {
    const el = body(
      '<div dir="ltr">Thanks,<br>that works.</div><div class="adL">older</div>' +
        '<div class="gmail_quote"><div class="gmail_attr">On Mon, X wrote:</div><blockquote class="gmail_quote">quoted</blockquote></div>',
    );
    expect(readNewestText(el, { quote: gmailSelectors.quote })).toBe('Thanks,\nthat works.');
  });

  it('stops at Outlook’s reply header (x_-prefixed in the reading pane) and everything after it', () => {
    const el = body(
      '<div>Hallo,</div><div><br></div><div>alles erledigt.</div><div id="x_appendonsend"></div><hr>' +
        '<div id="x_divRplyFwdMsg"><b>Von:</b> A</div><div>old text</div><blockquote>older</blockquote>',
    );
    expect(readNewestText(el, { quote: outlookSelectors.quote, quoteStart: outlookSelectors.quoteStart })).toBe('Hallo,\n\nalles erledigt.');
  });

  it('reads text nodes only: no markup, no scripts or styles, no hidden parts; spaces collapsed', () => {
    const el = body('<p>  A&nbsp;&amp;&nbsp;B   &lt;c&gt; </p><style>p{}</style><script>var x = 1;</script><span style="display: none">hidden</span><p>\n\tNext\n line </p>');
    expect(readNewestText(el, { quote: 'blockquote' })).toBe('A & B <c>\nNext line');
  });

  it('one line per shown line, at most one empty line', () => {
    expect(tidyText('\n\n a \n\n\n\n b\u00a0\u00a0c \n\n')).toBe('a\n\nb c');
  });
});
