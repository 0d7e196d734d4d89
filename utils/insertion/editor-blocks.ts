/**
 * A rendered template (utils/templates) as the blocks a mailbox editor writes (utils/mailbox):
 * paragraphs become lines with an empty line between them; the cursor marker stays a marker.
 */
import type { TemplateBlock as EditorBlock, InlineRun } from '../mailbox/insert-text';
import { CURSOR_MARKER } from '../mailbox/insert-text';
import type { TemplateBlock } from '../templates/types';

export function editorBlocksFromTemplate(blocks: readonly TemplateBlock[]): EditorBlock[] {
  const out: EditorBlock[] = [];
  blocks.forEach((block, i) => {
    if (i > 0) out.push({ kind: 'break' });
    const runs: InlineRun[] = block.runs.map((run): InlineRun => {
      switch (run.kind) {
        case 'text':
          return { kind: 'text', text: run.text };
        case 'link':
          return { kind: 'link', text: run.text, href: run.href };
        case 'break':
          return { kind: 'lineBreak' };
        case 'cursor':
          return { kind: 'text', text: CURSOR_MARKER };
      }
    });
    out.push({ kind: 'paragraph', runs });
  });
  return out;
}
