/**
 * The team's library on the options page: the templates the team's leads published (the ones the
 * mailbox inserts while team sync is on), each with the version in use, who approved it and the
 * approval history; what was withdrawn; and, for a lead the server knows as one, withdrawing.
 */
import type { TeamView } from '../../utils/desk/team-publications';
import { t, uiLanguage } from '../pages/i18n';
import { stageName } from './template-form';

export function when(iso: string | undefined): string {
  if (!iso) return '';
  try {
    return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
}

interface Props {
  view: TeamView;
  busy: boolean;
  onWithdraw: (id: string, name: string) => void;
}

export function TeamLibrary({ view, busy, onWithdraw }: Props) {
  const { library } = view;
  if (!view.inTeam) return null;
  return (
    <div class="team-library" data-testid="team-library">
      <h3>{t('options_teamLibrary', 'Your team’s library')}</h3>
      {library.publications === 0 ? (
        <p class="muted" data-testid="team-library-empty">
          {view.role === 'lead'
            ? t('options_teamLibraryNoneLead', 'Nothing is published yet: the mailbox inserts this browser’s approved templates. Publish approved templates below to give the whole team one library.')
            : t('options_teamLibraryNone', 'Your team lead has not published templates yet: the mailbox inserts this browser’s approved templates until they do.')}
        </p>
      ) : (
        <>
          <p data-testid="team-library-status">
            {t('options_teamLibraryInUse', 'In use in the mailbox: $1 templates, last changed by $2 on $3.', [
              library.templates.length,
              library.lastChange?.by ?? '',
              when(library.lastChange?.at),
            ])}
          </p>
          {library.templates.length > 0 ? (
            <table aria-label={t('options_teamLibrary', 'Your team’s library')} data-testid="team-templates">
              <thead>
                <tr>
                  <th scope="col">{t('options_templateName', 'Name')}</th>
                  <th scope="col">{t('options_templateStage', 'Stage')}</th>
                  <th scope="col">{t('options_teamVersion', 'Version in use')}</th>
                  <th scope="col">{t('options_teamApprovals', 'Approvals')}</th>
                  {view.canPublish ? <th scope="col">{t('options_col_actions', 'Actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {library.templates.map(({ template, approvals, publishedBy, publishedAt }) => (
                  <tr key={template.id} data-template-id={template.id}>
                    <th scope="row">{template.name}</th>
                    <td>{stageName(template.stage)}</td>
                    <td data-testid="team-template-version">
                      v{template.version}
                      <div class="muted">{t('options_teamPublishedBy', 'published by $1, $2', [publishedBy, when(publishedAt)])}</div>
                    </td>
                    <td>
                      <details>
                        <summary>{t('options_teamApprovedBy', 'v$1 approved by $2, $3', [template.version, template.approvedBy ?? '', when(template.approvedAt)])}</summary>
                        <ol>
                          {approvals.map((a) => (
                            <li key={a.version}>{t('options_teamApprovalLine', 'v$1: $2, $3', [a.version, a.by, when(a.at)])}</li>
                          ))}
                        </ol>
                      </details>
                    </td>
                    {view.canPublish ? (
                      <td>
                        <button type="button" disabled={busy} aria-label={t('options_withdrawNamed', 'Withdraw $1 from the team', template.name)} onClick={() => onWithdraw(template.id, template.name)}>
                          {t('options_withdraw', 'Withdraw')}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {library.withdrawn.length > 0 ? (
            <>
              <h4>{t('options_teamWithdrawn', 'Withdrawn from the team')}</h4>
              <ul data-testid="team-withdrawn">
                {library.withdrawn.map((w) => (
                  <li key={w.templateId}>{t('options_teamWithdrawnLine', '$1 (up to v$2), withdrawn by $3, $4', [w.name ?? w.templateId, w.version, w.withdrawnBy, when(w.withdrawnAt)])}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      {view.pending > 0 ? <p class="muted">{t('options_teamPending', '$1 publication(s) waiting to be sent to the team server.', view.pending)}</p> : null}
      <h3>{t('options_ownTemplates', 'This browser’s templates')}</h3>
      {library.inUse && view.role !== 'lead' ? (
        <p class="muted" data-testid="own-templates-note">
          {t('options_ownTemplatesNote', 'Your drafts stay here, apart from the team’s library: the mailbox inserts the team’s templates. Send a draft to your team lead (Export JSON) to have it approved for everyone.')}
        </p>
      ) : null}
    </div>
  );
}
