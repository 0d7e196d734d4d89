/** Data: backup export and import, CSV export, retention, erasing a customer or everything. */
import { useState } from 'preact/hooks';
import { CheckboxField } from '../forms/checkbox-field';
import { fieldId } from '../forms/field-ids';
import { NumberField } from '../forms/number-field';
import { SelectField } from '../forms/select-field';
import { TextField } from '../forms/text-field';
import { ask } from '../pages/ask-background';
import type { Reply } from '../../utils/messages';
import { downloadText } from '../pages/download-file';
import { t } from '../pages/i18n';
import { edited, type EditorProps } from './editor-props';
import { MAX_BACKUP_BYTES } from '../../utils/backup/import-limits';
import { fileTooLarge } from '../pages/file-too-large';

type Message = { kind: 'ok' | 'error'; text: string } | undefined;

/** What the page exports: a JSON backup of everything, or one CSV table. */
export type ExportKind = 'backup' | 'cases' | 'events' | 'outcomes' | 'notes';
/** Makes an export's text (the page's runtime reads the database: entrypoints/options/export-from-database.ts). */
export type ExportData = (kind: ExportKind) => Promise<Reply<string>>;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function stamp(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The retention and privacy fields, saved with the other settings. */
export function RetentionEditor({ settings, onChange, errors }: EditorProps) {
  return (
    <>
      <NumberField
        path="privacy.retentionDays"
        label={t('options_retentionDays', 'Keep closed cases for (days)')}
        hint={t('options_retentionDays_hint', 'From 30 to 3650 days; older closed cases are removed from this browser.')}
        value={settings.privacy.retentionDays}
        min={30}
        max={3650}
        step={1}
        error={errors['privacy.retentionDays']}
        onValue={(n) => onChange(edited(settings, (d) => (d.privacy.retentionDays = n)))}
      />
      <CheckboxField
        path="privacy.syncSubjects"
        label={t('options_syncSubjects', 'Include e-mail subjects in what is synced to the team server')}
        hint={t('options_syncSubjects_hint', 'Off: only categories, deadlines and outcomes are shared, never the subject.')}
        checked={settings.privacy.syncSubjects}
        error={errors['privacy.syncSubjects']}
        onValue={(b) => onChange(edited(settings, (d) => (d.privacy.syncSubjects = b)))}
      />
    </>
  );
}

export function DataActions({ exportData }: { exportData: ExportData }) {
  const [message, setMessage] = useState<Message>();
  const [csvKind, setCsvKind] = useState<'cases' | 'events' | 'outcomes'>('cases');
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const [confirm, setConfirm] = useState('');
  const [confirmError, setConfirmError] = useState<string | undefined>();

  const exportBackup = async () => {
    const reply = await exportData('backup');
    if (!reply.ok) return setMessage({ kind: 'error', text: reply.error });
    downloadText(`caseline-backup-${stamp()}.json`, reply.value, 'application/json');
    setMessage({ kind: 'ok', text: t('options_backupExported', 'Backup downloaded.') });
  };
  const importBackup = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    // Checked before reading: a file too large is never loaded into the page.
    if (file.size > MAX_BACKUP_BYTES) return setMessage({ kind: 'error', text: fileTooLarge(file.size, MAX_BACKUP_BYTES) });
    const json = await file.text();
    const reply = await ask('importBackup', { json });
    setMessage(reply.ok ? { kind: 'ok', text: t('options_backupImported', 'Backup imported: $1 records applied.', reply.value.applied) } : { kind: 'error', text: reply.error });
  };
  const exportCsv = async () => {
    const reply = await exportData(csvKind);
    if (!reply.ok) return setMessage({ kind: 'error', text: reply.error });
    downloadText(`caseline-${csvKind}-${stamp()}.csv`, reply.value, 'text/csv');
    setMessage({ kind: 'ok', text: t('options_csvExported', 'CSV downloaded.') });
  };
  const eraseCustomer = async () => {
    const address = email.trim();
    if (!EMAIL.test(address)) {
      setEmailError(t('options_eraseEmail_invalid', 'Enter the customer’s e-mail address, such as ana@example.org.'));
      document.getElementById(fieldId('data.eraseEmail'))?.focus();
      return;
    }
    setEmailError(undefined);
    const reply = await ask('eraseCustomer', { email: address });
    if (reply.ok) setEmail('');
    const erased = reply.ok
      ? `${t('options_customerErased', 'Erased $1 case(s) of $2 from this browser.', [reply.value.removed, address])}${reply.value.teamErasureQueued ? ` ${t('options_customerErasedTeam', 'The team server is asked to erase its copy too.')}` : ''}`
      : '';
    setMessage(reply.ok ? { kind: 'ok', text: erased } : { kind: 'error', text: reply.error });
  };
  const eraseEverything = async () => {
    if (confirm !== 'ERASE') {
      setConfirmError(t('options_eraseConfirm_invalid', 'Type ERASE in capital letters to confirm.'));
      document.getElementById(fieldId('data.eraseConfirm'))?.focus();
      return;
    }
    setConfirmError(undefined);
    const reply = await ask('eraseEverything', { confirm: 'ERASE' });
    if (reply.ok) setConfirm('');
    setMessage(reply.ok ? { kind: 'ok', text: t('options_everythingErased', 'Everything Caseline kept in this browser was erased.') } : { kind: 'error', text: reply.error });
  };

  return (
    <>
      <div aria-live="polite">{message ? <p class={`status ${message.kind}`}>{message.text}</p> : null}</div>
      <h3>{t('options_backup', 'Backup')}</h3>
      <div class="actions">
        <button type="button" data-testid="export-backup" onClick={() => void exportBackup()}>
          {t('options_exportBackup', 'Export backup (JSON)')}
        </button>
      </div>
      <div class="field">
        <label for={fieldId('data.importBackup')}>{t('options_importBackup', 'Import a backup file')}</label>
        <input id={fieldId('data.importBackup')} type="file" accept="application/json,.json" onChange={(e) => void importBackup(e.currentTarget as HTMLInputElement)} />
      </div>
      <h3>{t('options_csv', 'Spreadsheet export')}</h3>
      <div class="actions">
        <SelectField
          path="data.csvKind"
          label={t('options_csvKind', 'What to export')}
          value={csvKind}
          options={[
            { value: 'cases', label: t('options_csv_cases', 'Cases') },
            { value: 'events', label: t('options_csv_events', 'Events') },
            { value: 'outcomes', label: t('options_csv_outcomes', 'Outcomes') },
          ]}
          onValue={(k) => setCsvKind(k as typeof csvKind)}
        />
        <button type="button" data-testid="export-csv" onClick={() => void exportCsv()}>
          {t('options_exportCsv', 'Export CSV')}
        </button>
      </div>
      <h3>{t('options_eraseCustomer', 'Erase a customer')}</h3>
      <p class="muted">
        {t(
          'options_eraseCustomer_hint',
          'Removes every case, event, outcome and notification of this customer from this browser, and asks the team server to erase its copy (a right-to-erasure request). Delete their messages from the mailbox too: Caseline records a conversation again whenever it sees it.',
        )}
      </p>
      <div class="actions">
        <TextField path="data.eraseEmail" type="email" label={t('options_eraseEmail', 'Customer’s e-mail address')} value={email} error={emailError} onValue={setEmail} />
        <button type="button" class="danger" onClick={() => void eraseCustomer()}>
          {t('options_eraseCustomerButton', 'Erase this customer')}
        </button>
      </div>
      <h3>{t('options_eraseEverything', 'Erase everything')}</h3>
      <p class="muted">
        {t(
          'options_eraseEverything_hint',
          'Removes everything Caseline keeps in this browser: cases, events, outcomes, templates you added, settings, notifications and the badge. It also signs you out of the team server and forgets its address, your password and the permission to reach it. Records already sent stay in the team’s database, which is the team’s record: to erase a customer there, use “Erase this customer” first. It cannot be undone.',
        )}
      </p>
      <div class="actions">
        <TextField path="data.eraseConfirm" label={t('options_eraseConfirm', 'Type ERASE to confirm')} value={confirm} error={confirmError} onValue={setConfirm} spellcheck={false} />
        <button type="button" class="danger" onClick={() => void eraseEverything()}>
          {t('options_eraseEverythingButton', 'Erase everything')}
        </button>
      </div>
    </>
  );
}
