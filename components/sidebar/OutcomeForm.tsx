/** The outcome log: satisfaction (CSAT, and NPS where the procedure uses it), follow-up date, feedback. */
import { useState } from 'preact/hooks';
import type { CaseView } from '@/utils/case-view';
import type { CaseCommand } from '@/utils/cases/lifecycle';
import { t } from './i18n';

export function OutcomeForm({ view, busy, onCommand }: { view: CaseView; busy: boolean; onCommand: (c: CaseCommand) => void }) {
  const recorded = view.state.outcome;
  const [csat, setCsat] = useState<number | undefined>(recorded?.csat);
  const [nps, setNps] = useState<number | undefined>(recorded?.nps);
  const [followUpOn, setFollowUpOn] = useState(recorded?.followUpOn ?? '');
  const [feedback, setFeedback] = useState('');
  const open = view.state.stage === 'resolved' || view.state.stage === 'followed_up' || view.state.stage === 'closed';
  return (
    <details class="card" open={open}>
      <summary>
        <h3 class="inline-heading">{t('outcome_title', 'Outcome and satisfaction')}</h3>
        {recorded?.csat !== undefined && <span class="muted"> · CSAT {recorded.csat}/5</span>}
      </summary>
      <form
        class="subform"
        aria-label={t('outcome_title', 'Outcome and satisfaction')}
        onSubmit={(e) => {
          e.preventDefault();
          const outcome: Record<string, unknown> = {};
          if (csat !== undefined) outcome.csat = csat;
          if (view.usesNps && nps !== undefined) outcome.nps = nps;
          if (followUpOn) outcome.followUpOn = followUpOn;
          if (feedback.trim()) outcome.feedback = feedback.trim();
          onCommand({ type: 'recordOutcome', outcome } as CaseCommand);
          setFeedback('');
        }}
      >
        <fieldset class="scale">
          <legend>{t('outcome_csat', 'Customer satisfaction (1 = very unhappy, 5 = very happy)')}</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} class="inline">
              <input type="radio" name="csat" value={n} checked={csat === n} onChange={() => setCsat(n)} /> {n}
            </label>
          ))}
        </fieldset>
        {view.usesNps && (
          <label>
            {t('outcome_nps', 'Likely to recommend us (NPS, 0–10)')}
            <input type="number" min={0} max={10} step={1} value={nps ?? ''} onInput={(e) => setNps(e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))} />
          </label>
        )}
        <label>
          {t('outcome_follow_up', 'Follow up on')}
          <input type="date" value={followUpOn} onInput={(e) => setFollowUpOn(e.currentTarget.value)} />
        </label>
        <label>
          {t('outcome_feedback', 'Customer feedback for the feedback log')}
          <textarea rows={2} maxLength={2000} value={feedback} onInput={(e) => setFeedback(e.currentTarget.value)} />
        </label>
        <button type="submit" disabled={busy}>{t('outcome_save', 'Save outcome')}</button>
      </form>
    </details>
  );
}
