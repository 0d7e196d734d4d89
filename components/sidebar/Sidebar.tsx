/**
 * The sidebar beside the open thread: who else is on it, case card, owner, countdowns, actions,
 * templates, team notes, outcome; or the queue; or the notes that mention the agent.
 */
import type { SidebarActions, SidebarState } from './sidebar-state';
import { CaseCard } from './CaseCard';
import { CountdownList } from './CountdownList';
import { LifecycleActions } from './LifecycleActions';
import { TemplatePicker } from './TemplatePicker';
import { OutcomeForm } from './OutcomeForm';
import { CaseHistory } from './CaseHistory';
import { QueueList } from './QueueList';
import { HealthNotice } from './HealthNotice';
import { TemplatePalette } from './TemplatePalette';
import { ResizeHandle } from './ResizeHandle';
import { TeamCard } from './TeamCard';
import { TeamNotes } from './TeamNotes';
import { PresenceBanner } from './PresenceBanner';
import { ConfirmBox } from './ConfirmBox';
import { MentionsList } from './MentionsList';
import { t } from './i18n';

export function Sidebar({ state, actions }: { state: SidebarState; actions: SidebarActions }) {
  const themeClass = `theme-${state.theme}`;
  if (state.collapsed) {
    return (
      <div class={`collapsed ${themeClass}`}>
        <button type="button" class="expand" aria-label={t('sidebar_expand', 'Open the Caseline sidebar')} aria-expanded="false" onClick={() => actions.setCollapsed(false)}>
          <span aria-hidden="true">◧</span> Caseline
          {state.view && <span class={`dot cat-${state.view.category}`} aria-hidden="true" />}
        </button>
      </div>
    );
  }
  return (
    <aside class={`panel ${themeClass}`} style={{ width: `${state.width}px` }} aria-label={t('sidebar_label', 'Caseline sidebar')}>
      <ResizeHandle width={state.width} onResize={actions.setWidth} />
      <header class="bar">
        <span class="brand">Caseline</span>
        <div role="tablist" aria-label={t('sidebar_views', 'Sidebar views')} class="tabs">
          <button type="button" role="tab" id="tab-case" aria-controls="panel-case" aria-selected={state.tab === 'case'} tabIndex={state.tab === 'case' ? 0 : -1} onClick={() => actions.showTab('case')}>
            {t('sidebar_tab_case', 'Case')}
          </button>
          <button type="button" role="tab" id="tab-queue" aria-controls="panel-queue" aria-selected={state.tab === 'queue'} tabIndex={state.tab === 'queue' ? 0 : -1} onClick={() => actions.showTab('queue')}>
            {t('sidebar_tab_queue', 'Queue')}
            {state.queue.length > 0 && <span class="count">{state.queue.length}</span>}
          </button>
          <button type="button" role="tab" id="tab-mentions" aria-controls="panel-mentions" aria-selected={state.tab === 'mentions'} tabIndex={state.tab === 'mentions' ? 0 : -1} onClick={() => actions.showTab('mentions')}>
            {t('sidebar_tab_mentions', 'Mentions')}
            {state.mentionsUnseen > 0 && <span class="count" data-testid="mentions-unseen">{state.mentionsUnseen}</span>}
          </button>
        </div>
        <button type="button" class="icon" aria-label={t('sidebar_templates', 'Templates (Alt+Shift+T)')} title="Alt+Shift+T" onClick={actions.openPalette} disabled={!state.view}>
          ✎
        </button>
        <button type="button" class="icon" aria-label={t('sidebar_collapse', 'Collapse the sidebar')} aria-expanded="true" onClick={() => actions.setCollapsed(true)}>
          ⟩
        </button>
      </header>
      <div class="messages" aria-live="polite">
        {state.error && (
          <p class="error" role="alert">
            {state.error}{' '}
            <button type="button" class="link" onClick={actions.dismissMessage}>{t('sidebar_dismiss', 'Dismiss')}</button>
          </p>
        )}
        {state.notice && !state.error && <p class="notice">{state.notice}</p>}
      </div>
      {state.tab === 'case' ? (
        <div role="tabpanel" id="panel-case" aria-labelledby="tab-case" class="content">
          {!state.unreadable && state.layoutGaps && state.layoutGaps.length > 0 && (
            <HealthNotice host={state.host} missing={state.layoutGaps} blocking={false} report={state.layoutReport} onCopyReport={actions.copyLayoutReport} />
          )}
          {state.unreadable ? (
            <HealthNotice host={state.host} missing={state.unreadable.missing} blocking report={state.layoutReport} onCopyReport={actions.copyLayoutReport} />
          ) : state.view ? (
            <>
              <PresenceBanner presence={state.presence} />
              {state.confirm && <ConfirmBox confirm={state.confirm} onAnswer={actions.confirmWarning} />}
              <CaseCard view={state.view} actions={actions} />
              {state.team && state.team.caseId === state.view.caseId && <TeamCard team={state.team} busy={state.busy} actions={actions} />}
              <CountdownList view={state.view} />
              <LifecycleActions view={state.view} busy={state.busy} onCommand={actions.command} />
              <TemplatePicker view={state.view} pending={state.pendingTemplate} busy={state.busy} actions={actions} />
              {state.team && state.team.caseId === state.view.caseId && <TeamNotes team={state.team} busy={state.busy} onAdd={actions.addNote} />}
              {state.view.actions.includes('recordOutcome') && <OutcomeForm view={state.view} busy={state.busy} onCommand={actions.command} />}
              <CaseHistory view={state.view} />
            </>
          ) : (
            <p class="empty">
              {state.threadOpen
                ? t('sidebar_no_case', 'No customer message in this conversation yet: nothing to track.')
                : t('sidebar_open_thread', 'Open a conversation to see its case. Your queue lists what is due.')}
            </p>
          )}
        </div>
      ) : state.tab === 'queue' ? (
        <div role="tabpanel" id="panel-queue" aria-labelledby="tab-queue" class="content">
          <QueueList items={state.queue} scope={state.queueScope} atRisk={state.atRisk} onScope={actions.setQueueScope} onOpen={actions.openQueueItem} />
        </div>
      ) : (
        <div role="tabpanel" id="panel-mentions" aria-labelledby="tab-mentions" class="content">
          <MentionsList mentions={state.mentions} host={state.host} onOpen={actions.openMention} />
        </div>
      )}
      {state.paletteOpen && state.view && <TemplatePalette view={state.view} onPick={(id) => actions.insertTemplate(id)} onClose={actions.closePalette} />}
    </aside>
  );
}
