/** One countdown per SLA target, all driven by the tab's one shared timer. */
import type { CaseView } from '@/utils/case-view';
import { describeCountdown, STATE_WORDS, targetLabel } from '@/utils/countdown/describe-countdown';
import { useNow } from './shared-ticker';
import { t } from './i18n';

export function CountdownList({ view }: { view: CaseView }) {
  const now = useNow();
  const shown = view.sla.filter((s) => s.state !== 'not_started' || s.target === 'acknowledge' || s.target === 'resolve');
  if (shown.length === 0) return null;
  return (
    <section class="card" aria-labelledby="sla-heading">
      <h3 id="sla-heading">{t('sla_title', 'Deadlines')}</h3>
      <ul class="countdowns" data-testid="countdowns">
        {shown.map((s) => {
          const d = describeCountdown(s, new Date(now), view.calendar, { timeZone: view.agentTimeZone, dueSoonShare: view.dueSoonShare });
          return (
            <li key={s.target} class={`countdown tone-${d.tone}`} data-target={s.target} data-state={d.state} title={s.source}>
              <span class="label">{targetLabel(s.target)}</span>
              <span class="state">{STATE_WORDS[d.state]}</span>
              <span class="remaining">{d.remainingText}</span>
              {d.dueText && <span class="due">{t('sla_due', 'due $1', d.dueText)}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
