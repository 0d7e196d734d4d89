/**
 * What Caseline's classifier makes of the thread, shown only after the trainee has answered. The
 * classifier (and its model) loads on demand; if it cannot, the page says so in words.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Classification } from '../../utils/classify';
import { newestContent } from '../../utils/practice/thread-snapshot';
import type { PracticeThread } from '../../utils/practice/types';
import { CATEGORY_LABEL } from './practice-words';

type Opinion = { state: 'loading' } | { state: 'ready'; result: Classification } | { state: 'failed'; why: string };

/** The customer's own words, newest last, without quoted history: what the sidebar would classify. */
function customerText(thread: PracticeThread): string {
  return thread.messages
    .filter((m) => m.direction === 'inbound')
    .map((m) => newestContent(m.text))
    .join('\n\n');
}

export function ClassifierOpinion({ thread }: { thread: PracticeThread }) {
  const [opinion, setOpinion] = useState<Opinion>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setOpinion({ state: 'loading' });
    import('../../utils/classify')
      .then(({ classify }) => {
        const inbound = thread.messages.filter((m) => m.direction === 'inbound').length;
        const result = classify({ subject: thread.subject, body: customerText(thread) }, { priorInboundCount: Math.max(0, inbound - 1) });
        if (live) setOpinion({ state: 'ready', result });
      })
      .catch((error: unknown) => {
        if (live) setOpinion({ state: 'failed', why: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [thread.id]);

  return (
    <section class="classifier-opinion" aria-labelledby="classifier-title" data-testid="classifier-opinion">
      <h3 id="classifier-title">What Caseline's classifier thinks</h3>
      {opinion.state === 'loading' ? <p class="muted">Asking the classifier…</p> : null}
      {opinion.state === 'failed' ? <p class="muted">{`The classifier could not run here: ${opinion.why}`}</p> : null}
      {opinion.state === 'ready' ? (
        <>
          <p>
            {`${CATEGORY_LABEL[opinion.result.label]}, ${Math.round(opinion.result.confidence * 100)} % sure`}
            {opinion.result.reasons.length > 0 ? `, because of: ${opinion.result.reasons.slice(0, 4).join('; ')}.` : '.'}
          </p>
          <p>
            {opinion.result.escalation.flagged
              ? `It flags the thread for escalation: ${opinion.result.escalation.why.join('; ')}.`
              : 'It raises no escalation flag.'}
          </p>
          <p class="muted">The classifier helps; the procedure decides. When they disagree, go with the procedure and correct the category in the sidebar.</p>
        </>
      ) : null}
    </section>
  );
}
