import { describe, expect, it } from 'vitest';
import { editorBlocksFromTemplate } from '../../../utils/insertion/editor-blocks';
import { renderTemplate } from '../../../utils/templates/render';

describe('editorBlocksFromTemplate', () => {
  it('puts an empty line between paragraphs and keeps links, breaks and the caret marker', () => {
    const r = renderTemplate({ body: 'Hello {{customer.firstName}},\n\nSee [our help page](https://help.example.com).\nThanks{{cursor}}' }, { 'customer.firstName': '<b>Ana</b>' });
    const blocks = editorBlocksFromTemplate(r.blocks);
    expect(blocks).toEqual([
      { kind: 'paragraph', runs: [{ kind: 'text', text: 'Hello <b>Ana</b>,' }] },
      { kind: 'break' },
      {
        kind: 'paragraph',
        runs: [
          { kind: 'text', text: 'See ' },
          { kind: 'link', text: 'our help page', href: 'https://help.example.com' },
          { kind: 'text', text: '.' },
          { kind: 'lineBreak' },
          { kind: 'text', text: 'Thanks' },
          { kind: 'text', text: '{{cursor}}' },
        ],
      },
    ]);
  });
});
