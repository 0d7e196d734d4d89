/**
 * Templates: the team's library when team sync is on (team-library.tsx), then this browser's
 * library with each version's status; drafts are created, edited, approved and retired; a lead
 * publishes approved ones to the team; JSON import and export.
 */
import { MAX_TEMPLATES_BYTES } from '../../utils/backup/import-limits';
import { fileTooLarge } from '../pages/file-too-large';
import { useEffect, useState } from 'preact/hooks';
import type { TeamView } from '../../utils/desk/team-publications';
import { exportTemplates, importTemplates } from '../../utils/templates/transfer';
import type { Template } from '../../utils/templates/types';
import { CheckboxField } from '../forms/checkbox-field';
import { fieldId } from '../forms/field-ids';
import { ask } from '../pages/ask-background';
import { downloadText } from '../pages/download-file';
import { t } from '../pages/i18n';
import { TeamLibrary, when } from './team-library';
import { TemplateForm, stageName } from './template-form';

function statusName(status: Template['status']): string {
  if (status === 'approved') return t('options_status_approved', 'Approved');
  if (status === 'retired') return t('options_status_retired', 'Retired');
  return t('options_status_draft', 'Draft');
}

/** What a lead can do with an approved template of this browser, given the team's library. */
function publishState(tpl: Template, team: TeamView | undefined): 'publish' | 'published' | 'older' | undefined {
  if (!team?.canPublish || tpl.status !== 'approved') return undefined;
  const inUse = team.library.templates.find((x) => x.template.id === tpl.id)?.template.version;
  if (inUse === undefined || inUse < tpl.version) return 'publish';
  return inUse === tpl.version ? 'published' : 'older';
}

export function TemplatesSection({ live = 0 }: { live?: number }) {
  const [templates, setTemplates] = useState<Template[] | undefined>();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();
  const [editing, setEditing] = useState<Template | 'new' | undefined>();
  const [approveOnImport, setApproveOnImport] = useState(false);
  const [importErrors, setImportErrors] = useState<string[]>([]);
  const [team, setTeam] = useState<TeamView | undefined>();
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const [reply, teamReply] = await Promise.all([ask('listTemplates', {}), ask('teamView', {})]);
    if (reply.ok) setTemplates([...reply.value].sort((a, b) => a.name.localeCompare(b.name) || b.version - a.version));
    else setMessage({ kind: 'error', text: reply.error });
    if (teamReply.ok) setTeam(teamReply.value);
  };
  // Again whenever the team's publications change (the page follows the team server live).
  useEffect(() => {
    void load();
  }, [live]);

  /** An agent in a team does not approve: the lead does, for everyone. */
  const mayApprove = !team?.inTeam || team.role === 'lead';

  const teamAct = async (kind: 'publishTemplate' | 'withdrawTemplate', id: string, name: string) => {
    setBusy(true);
    const reply = await ask(kind, { id });
    setBusy(false);
    if (reply.ok) {
      setTeam(reply.value);
      setMessage({
        kind: 'ok',
        text:
          kind === 'publishTemplate'
            ? t('options_published', '“$1” published: every agent’s mailbox uses this version from their next sync, within seconds while they are online.', name)
            : t('options_withdrawn', '“$1” withdrawn from the team: no agent can insert it any more.', name),
      });
    } else setMessage({ kind: 'error', text: reply.error });
  };

  const act = async (kind: 'approveTemplate' | 'retireTemplate', template: Template) => {
    const reply = await ask(kind, { id: template.id });
    if (reply.ok) {
      setMessage({
        kind: 'ok',
        text:
          kind === 'approveTemplate'
            ? t('options_approved', '“$1” approved by $2.', [reply.value.name, reply.value.approvedBy ?? ''])
            : t('options_retired', '“$1” retired: it can no longer be inserted.', reply.value.name),
      });
      await load();
    } else setMessage({ kind: 'error', text: reply.error });
  };

  const save = async (template: Template): Promise<string | undefined> => {
    const reply = await ask('saveTemplate', { template });
    if (!reply.ok) return reply.fields?.map((f) => f.message).join(' ') || reply.error;
    setEditing(undefined);
    setMessage({ kind: 'ok', text: t('options_draftSaved', 'Draft “$1” saved. Approve it to make it available in the mailbox.', reply.value.name) });
    await load();
    return undefined;
  };

  const onImportFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    if (file.size > MAX_TEMPLATES_BYTES) {
      setImportErrors([fileTooLarge(file.size, MAX_TEMPLATES_BYTES)]);
      return;
    }
    const json = await file.text();
    const checked = importTemplates(json);
    if (!checked.ok) {
      setImportErrors(checked.errors.map((e) => (e.index >= 0 ? t('options_importItem', 'Template $1: $2', [e.index + 1, e.message]) : e.message)));
      return;
    }
    setImportErrors([]);
    const reply = await ask('importTemplates', { json, approve: approveOnImport });
    if (reply.ok) {
      setMessage({ kind: 'ok', text: t('options_imported', '$1 templates imported.', reply.value.count) });
      await load();
    } else setMessage({ kind: 'error', text: reply.error });
  };

  const onExport = () => {
    if (!templates) return;
    downloadText('caseline-templates.json', exportTemplates(templates), 'application/json');
  };

  return (
    <>
      <div aria-live="polite">{message ? <p class={`status ${message.kind}`}>{message.text}</p> : null}</div>
      <div class="actions">
        <button type="button" class="primary" onClick={() => setEditing('new')} data-testid="new-template">
          {t('options_newTemplateButton', 'New template')}
        </button>
        <button type="button" onClick={onExport} disabled={!templates}>
          {t('options_exportTemplates', 'Export JSON')}
        </button>
      </div>
      {team ? <TeamLibrary view={team} busy={busy} onWithdraw={(id, name) => void teamAct('withdrawTemplate', id, name)} /> : null}
      {editing ? <TemplateForm original={editing === 'new' ? undefined : editing} onSave={save} onCancel={() => setEditing(undefined)} /> : null}
      {templates === undefined ? (
        <p class="muted">{t('options_loading', 'Loading…')}</p>
      ) : templates.length === 0 ? (
        <p class="muted">{t('options_noTemplates', 'No templates yet.')}</p>
      ) : (
        <table aria-label={t('options_templatesTable', 'Templates')} data-testid="templates-table">
          <thead>
            <tr>
              <th scope="col">{t('options_templateName', 'Name')}</th>
              <th scope="col">{t('options_templateStage', 'Stage')}</th>
              <th scope="col">{t('options_templateLanguage', 'Language')}</th>
              <th scope="col">{t('options_col_status', 'Status')}</th>
              <th scope="col">{t('options_col_actions', 'Actions')}</th>
            </tr>
          </thead>
          <tbody>
            {templates.map((tpl) => (
              <tr key={`${tpl.id}@${tpl.version}`} data-template-id={tpl.id}>
                <th scope="row">
                  {tpl.name} <span class="muted">v{tpl.version}</span>
                </th>
                <td>{stageName(tpl.stage)}</td>
                <td>{tpl.language}</td>
                <td>
                  <span class={`badge ${tpl.status}`}>{statusName(tpl.status)}</span>
                  {tpl.status === 'approved' && tpl.approvedBy ? (
                    <div class="muted">{t('options_approvedByAt', 'by $1, $2', [tpl.approvedBy, when(tpl.approvedAt)])}</div>
                  ) : null}
                </td>
                <td>
                  <div class="actions" style={{ margin: 0 }}>
                    <button type="button" aria-label={t('options_editNamed', 'Edit $1', tpl.name)} onClick={() => setEditing(tpl)}>
                      {t('options_edit', 'Edit')}
                    </button>
                    {tpl.status === 'draft' && mayApprove ? (
                      <button type="button" aria-label={t('options_approveNamed', 'Approve $1', tpl.name)} onClick={() => void act('approveTemplate', tpl)}>
                        {t('options_approve', 'Approve')}
                      </button>
                    ) : null}
                    {publishState(tpl, team) === 'publish' ? (
                      <button type="button" disabled={busy} aria-label={t('options_publishNamed', 'Publish $1 to the team', tpl.name)} onClick={() => void teamAct('publishTemplate', tpl.id, tpl.name)}>
                        {t('options_publish', 'Publish to team')}
                      </button>
                    ) : publishState(tpl, team) === 'published' ? (
                      <span class="muted">{t('options_publishedBadge', 'In the team’s library')}</span>
                    ) : null}
                    {tpl.status === 'approved' ? (
                      <button type="button" aria-label={t('options_retireNamed', 'Retire $1', tpl.name)} onClick={() => void act('retireTemplate', tpl)}>
                        {t('options_retire', 'Retire')}
                      </button>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('options_importTemplates', 'Import templates')}</h3>
      <p class="muted">{t('options_importTemplates_hint', 'A JSON file exported from Caseline. Imported templates arrive as drafts unless you approve them on import.')}</p>
      <CheckboxField
        path="templates.approveOnImport"
        label={t('options_approveOnImport', 'Approve them on import (recorded with your name)')}
        checked={approveOnImport}
        onValue={setApproveOnImport}
      />
      <div class="field">
        <label for={fieldId('templates.importFile')}>{t('options_chooseFile', 'Choose a JSON file')}</label>
        <input
          id={fieldId('templates.importFile')}
          type="file"
          accept="application/json,.json"
          onChange={(e) => void onImportFile(e.currentTarget as HTMLInputElement)}
        />
      </div>
      {importErrors.length > 0 ? (
        <div class="status error" role="alert">
          <p>{t('options_importRefused', 'Nothing was imported:')}</p>
          <ul>
            {importErrors.slice(0, 20).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
