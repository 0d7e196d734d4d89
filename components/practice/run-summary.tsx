/** The end of a run: points, percent, grade, per category, missed escalations, per thread; "Try again". */
import type { Ref } from 'preact';
import { CATEGORIES } from '../../utils/cases/events';
import type { PracticeResult } from '../../utils/practice/practice-session';
import type { PracticeRunScore } from '../../utils/practice/score';
import type { PracticeThread } from '../../utils/practice/types';
import { CATEGORY_LABEL } from './practice-words';

export interface RunSummaryProps {
  score: PracticeRunScore;
  results: readonly PracticeResult[];
  threads: readonly PracticeThread[];
  total: number;
  procedureName: string;
  onAgain: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}

const GRADE_MEANING: Record<PracticeRunScore['grade'], string> = {
  ready: 'You are ready to work the live queue.',
  'ready with support': 'You can start on the live queue with a colleague checking your answers.',
  'needs practice': 'Go through the feedback and try again before working the live queue.',
};

export function RunSummary({ score, results, threads, total, procedureName, onAgain, headingRef }: RunSummaryProps) {
  const subject = (id: string) => threads.find((t) => t.id === id)?.subject ?? id;
  return (
    <section class="run-summary" aria-labelledby="summary-title" data-testid="run-summary">
      <h2 id="summary-title" tabIndex={-1} ref={headingRef}>
        Your score
      </h2>
      <p class="score-line">
        <span data-testid="run-points">{`${score.points} of ${score.max} points`}</span>
        {' · '}
        <span data-testid="run-percent">{`${score.percent}%`}</span>
        {' · grade: '}
        <strong data-testid="run-grade">{score.grade}</strong>
      </p>
      <p>{GRADE_MEANING[score.grade]}</p>
      {results.length < total ? <p class="muted">{`You answered ${results.length} of ${total} threads; the rest are not counted.`}</p> : null}
      <p data-testid="run-missed-escalations" class={score.missedEscalations > 0 ? 'status error' : 'muted'}>
        {score.missedEscalations === 0
          ? 'No missed escalations.'
          : `${score.missedEscalations} ${score.missedEscalations === 1 ? 'thread that had' : 'threads that had'} to be escalated ${score.missedEscalations === 1 ? 'was' : 'were'} not: a missed escalation keeps the grade below “ready”.`}
      </p>
      <p class="muted">{`Measured against “${procedureName}”.`}</p>
      <table data-testid="run-per-category">
        <caption class="visually-hidden">Score per category</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Threads</th>
            <th scope="col">Points</th>
            <th scope="col">Percent</th>
          </tr>
        </thead>
        <tbody>
          {CATEGORIES.map((c) => (
            <tr key={c} data-category={c}>
              <th scope="row">{CATEGORY_LABEL[c]}</th>
              <td>{score.perCategory[c].threads}</td>
              <td>{`${score.perCategory[c].points} of ${score.perCategory[c].max}`}</td>
              <td>{`${score.perCategory[c].percent}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Thread by thread</h3>
      <ol class="per-thread">
        {results.map((r) => (
          <li key={r.threadId}>
            {`${subject(r.threadId)}: ${r.score.points} of ${r.score.max}`}
            {r.score.mustEscalate && !r.score.checks.escalate ? <strong> (missed escalation)</strong> : null}
          </li>
        ))}
      </ol>
      <div class="actions">
        <button type="button" class="primary" onClick={onAgain} data-testid="try-again">
          Try again
        </button>
      </div>
    </section>
  );
}
