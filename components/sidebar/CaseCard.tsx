/** Category with confidence and reasons, a one-click override, escalation flags, reference number. */
import { CATEGORIES } from '@/utils/cases/events';
import type { CaseView } from '@/utils/case-view';
import type { SidebarActions } from './sidebar-state';
import { categoryWord, stageWord } from './category-words';
import { escalationEvidence, escalationKindWord } from './escalation-words';
import { t } from './i18n';

export function CaseCard({ view, actions }: { view: CaseView; actions: SidebarActions }) {
  const c = view.classification;
  const confidence = view.categoryBy === 'agent' ? undefined : c ? Math.round(c.confidence * 100) : undefined;
  return (
    <section class="card" aria-labelledby="case-heading">
      <h2 id="case-heading" class="case-title">
        <span class={`badge cat-${view.category}`} data-testid="category">{categoryWord(view.category)}</span>
        <span class="stage" data-testid="stage">{stageWord(view.state.stage)}</span>
      </h2>
      <p class="why">
        {view.categoryBy === 'agent'
          ? t('case_set_by_agent', 'Set by an agent.')
          : confidence !== undefined
            ? t('case_confidence', 'Classifier: $1% sure.', String(confidence))
            : ''}
        {c && view.categoryBy !== 'agent' && c.reasons.length > 0 && (
          <>
            {' '}
            <span class="reasons">{c.reasons.slice(0, 3).join('; ')}</span>
          </>
        )}
      </p>
      <div class="override" role="group" aria-label={t('case_override', 'Change the category')}>
        {CATEGORIES.map((cat) => (
          <button
            type="button"
            key={cat}
            class={`chip cat-${cat}`}
            aria-pressed={view.category === cat}
            data-category={cat}
            onClick={() => view.category !== cat && actions.overrideCategory(cat)}
          >
            {categoryWord(cat)}
          </button>
        ))}
      </div>
      {view.escalationFlags.length > 0 && (
        <div class="flags" role="note" aria-label={t('case_flags', 'Escalation flags')} data-testid="escalation-flags">
          <strong>{t('case_flags_title', 'Consider escalating:')}</strong>
          <ul>
            {view.escalationFlags.map((f) => (
              <li key={f.kind} data-kind={f.kind}>
                <strong>{escalationKindWord(f.kind)}</strong>: <span class="flag-words">{escalationEvidence(f)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.state.escalation && (
        <p class="escalated">
          {t('case_escalated_to', 'Escalated to $1: $2', [view.state.escalation.to, view.state.escalation.reason])}
        </p>
      )}
      <dl class="facts">
        {view.customer.email && (
          <>
            <dt>{t('case_customer', 'Customer')}</dt>
            <dd>{view.customer.name ? `${view.customer.name} <${view.customer.email}>` : view.customer.email}</dd>
          </>
        )}
        {view.state.reference && (
          <>
            <dt>{t('case_reference', 'Reference')}</dt>
            <dd>
              <code data-testid="reference">{view.state.reference}</code>{' '}
              <button type="button" class="link" onClick={() => actions.copy(view.state.reference ?? '', t('case_reference', 'Reference'))}>
                {t('case_copy', 'Copy')}
              </button>
            </dd>
          </>
        )}
        <dt>{t('case_policy', 'Procedure')}</dt>
        <dd>{view.policyName}</dd>
      </dl>
    </section>
  );
}
