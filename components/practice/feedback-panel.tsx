/**
 * Feedback on one answer: right or wrong per decision, the sentences of scoreAnswer (citing the
 * procedure), the teaching note, and afterwards what Caseline's own classifier makes of the thread.
 */
import type { Ref } from 'preact';
import type { PracticeResult } from '../../utils/practice/practice-session';
import type { PracticeThread } from '../../utils/practice/types';
import type { Template } from '../../utils/templates/types';
import { ClassifierOpinion } from './classifier-opinion';
import { CATEGORY_LABEL, STAGE_LABEL } from './practice-words';

export interface FeedbackPanelProps {
  thread: PracticeThread;
  result: PracticeResult;
  chosenTemplate: Template | undefined;
  procedureName: string;
  isLast: boolean;
  onNext: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}

function Verdict({ ok, testId, what, given, expected }: { ok: boolean; testId: string; what: string; given: string; expected: string }) {
  return (
    <li class={ok ? 'verdict right' : 'verdict wrong'} data-testid={testId} data-ok={String(ok)}>
      <span class="verdict-mark" aria-hidden="true">
        {ok ? '✓' : '✗'}
      </span>
      <span>
        <strong>{`${what}: ${ok ? 'right' : 'not quite'}.`}</strong>
        {ok ? ` You chose ${given}.` : ` You chose ${given}; the expected answer is ${expected}.`}
      </span>
    </li>
  );
}

export function FeedbackPanel({ thread, result, chosenTemplate, procedureName, isLast, onNext, headingRef }: FeedbackPanelProps) {
  const { score, answer } = result;
  const { expected } = thread;
  const sentences = score.feedback[score.feedback.length - 1] === thread.teachingNote ? score.feedback.slice(0, -1) : score.feedback;
  const templateGiven = chosenTemplate ? `“${chosenTemplate.name}” (${STAGE_LABEL[chosenTemplate.stage]})` : STAGE_LABEL[answer.templateStage as keyof typeof STAGE_LABEL] ?? answer.templateStage;
  return (
    <section class="feedback" aria-labelledby="feedback-title" data-testid="feedback">
      <h2 id="feedback-title" tabIndex={-1} ref={headingRef}>
        {`Feedback: ${score.points} of ${score.max} right`}
      </h2>
      <p class="muted" data-testid="feedback-procedure">{`Measured against “${procedureName}”.`}</p>
      <ul class="verdicts">
        <Verdict ok={score.checks.category} testId="check-category" what="Category" given={CATEGORY_LABEL[answer.category]} expected={CATEGORY_LABEL[expected.category]} />
        <Verdict
          ok={score.checks.escalate}
          testId="check-escalate"
          what="Escalation"
          given={answer.escalate ? 'to escalate' : 'not to escalate'}
          expected={expected.escalate ? 'to escalate' : 'not to escalate'}
        />
        <Verdict ok={score.checks.template} testId="check-template" what="Template" given={templateGiven} expected={`a ${STAGE_LABEL[expected.bestTemplateStage]} template`} />
      </ul>
      <h3>Why</h3>
      <ul class="feedback-sentences" data-testid="feedback-sentences">
        {sentences.map((s, i) => (
          <li key={i}>{s}</li>
        ))}
      </ul>
      <aside class="teaching-note" aria-labelledby="teaching-note-title">
        <h3 id="teaching-note-title">Teaching note</h3>
        <p data-testid="teaching-note">{thread.teachingNote}</p>
      </aside>
      <ClassifierOpinion thread={thread} />
      <div class="actions">
        <button type="button" class="primary" onClick={onNext} data-testid="next-thread">
          {isLast ? 'See my score' : 'Next thread'}
        </button>
      </div>
    </section>
  );
}
