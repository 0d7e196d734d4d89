/** The chosen template filled with the thread's sample values, as text (links as words and address). */
import { Fragment } from 'preact';
import type { Category } from '../../utils/cases/events';
import { practicePreviewValues } from '../../utils/practice/template-preview';
import type { PracticeThread } from '../../utils/practice/types';
import { linkAsText, renderTemplate } from '../../utils/templates/render';
import type { Template } from '../../utils/templates/types';
import { STAGE_LABEL } from './practice-words';

export interface TemplatePreviewProps {
  template: Template;
  thread: PracticeThread;
  category: Category | undefined;
  timeZone: string;
  now: string;
}

export function TemplatePreview({ template, thread, category, timeZone, now }: TemplatePreviewProps) {
  const values = practicePreviewValues(template, thread, { timeZone, now, category });
  const rendered = renderTemplate(template, values);
  return (
    <section class="template-preview" aria-labelledby="preview-title" data-testid="template-preview">
      <h3 id="preview-title">{`Preview: ${template.name}`}</h3>
      <p class="muted">{`Stage: ${STAGE_LABEL[template.stage]}. Sample values in [brackets] would be filled from the case.`}</p>
      <div class="preview-body">
        {rendered.blocks.map((block, i) => (
          <p key={i}>
            {block.runs.map((run, j) => (
              <Fragment key={j}>
                {run.kind === 'text' ? run.text : null}
                {run.kind === 'link' ? <span class="preview-link">{linkAsText(run.text, run.href)}</span> : null}
                {run.kind === 'break' ? <br /> : null}
                {run.kind === 'cursor' ? <span class="preview-cursor">[your own words here]</span> : null}
              </Fragment>
            ))}
          </p>
        ))}
      </div>
    </section>
  );
}
