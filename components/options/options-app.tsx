/** The options page: every setting in sections with a left navigation, saved as one validated whole. */
import { useEffect, useState } from 'preact/hooks';
import type { TeamView } from '../../utils/desk/team-publications';
import { openLivePort } from '../../utils/extension/live-port';
import type { LiveStatus } from '../../utils/messages';
import { ask } from '../pages/ask-background';
import { when } from './team-library';
import { ErrorSummary } from '../forms/error-summary';
import { focusField } from '../forms/field-ids';
import { t } from '../pages/i18n';
import { AboutSection } from './about-section';
import { AgentEditor } from './agent-editor';
import { DataActions, RetentionEditor, type ExportData } from './data-section';
import { HolidaysEditor } from './holidays-editor';
import { NotificationsEditor } from './notifications-editor';
import { PresetSelect } from './preset-select';
import { SyncSection } from './sync-section';
import { PolicyRules, TargetsTable } from './targets-table';
import { TemplatesSection } from './templates-section';
import { TimeZoneSelect } from './time-zone-select';
import { useSettingsDraft } from './use-settings-draft';
import { WeekHoursEditor } from './week-hours-editor';

const SECTIONS = [
  ['team', 'options_nav_team', 'You and your team'],
  ['sla', 'options_nav_sla', 'SLA policy'],
  ['calendar', 'options_nav_calendar', 'Calendar & holidays'],
  ['templates', 'options_nav_templates', 'Templates'],
  ['notifications', 'options_nav_notifications', 'Notifications'],
  ['data', 'options_nav_data', 'Data'],
  ['sync', 'options_nav_sync', 'Team sync'],
  ['about', 'options_nav_about', 'About'],
] as const;

function sectionTitle(id: (typeof SECTIONS)[number][0]): string {
  const found = SECTIONS.find((s) => s[0] === id);
  return found ? t(found[1], found[2]) : id;
}

export function OptionsApp({ exportData }: { exportData: ExportData }) {
  const settings = useSettingsDraft();
  const [saved, setSaved] = useState<string | undefined>();
  const { draft, setDraft, errors } = settings;
  const [live, setLive] = useState<LiveStatus>({ state: 'off' });
  const [publications, setPublications] = useState(0);
  const [team, setTeam] = useState<TeamView | undefined>();

  // The page follows the team server while open: the team's library and settings show as published.
  useEffect(() => {
    const connection = openLivePort((notice) => {
      if (notice.type === 'live') setLive(notice.live);
      else if (notice.type === 'teamChanged' && notice.publications) setPublications((n) => n + 1);
    });
    return () => connection.close();
  }, []);
  useEffect(() => {
    void ask('teamView', {}).then((reply) => reply.ok && setTeam(reply.value));
  }, [publications, draft?.sync.enabled, draft?.role]);

  useEffect(() => {
    if (draft && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [draft === undefined]);

  const onChange = (next: typeof draft & object) => {
    setSaved(undefined);
    setDraft(next);
  };

  const save = async () => {
    setSaved(undefined);
    const outcome = await settings.save();
    if (outcome.ok) setSaved(t('options_saved', 'Settings saved.'));
  };

  const reloadSync = async () => {
    const fresh = await settings.reload();
    if (fresh && draft) setDraft({ ...draft, sync: fresh.sync });
  };

  const editor = draft ? { settings: draft, onChange, errors } : undefined;
  // An agent in a team works by the team's SLA policy, calendar and holidays: shown, not edited.
  const teamValues = team?.settings.inUse ? team.settings.values : undefined;
  const teamShown =
    draft && teamValues
      ? { settings: { ...draft, ...(teamValues.presetId ? { presetId: teamValues.presetId } : {}), policy: teamValues.policy, holidays: teamValues.holidays }, onChange: () => undefined, errors: {} }
      : undefined;
  const teamNote = teamValues && team?.settings.inForce ? (
    <p class="status ok" data-testid="team-settings-note">
      {t('options_teamSettingsInUse', 'Your team’s settings are in use: version $1, published by $2 on $3. Your team lead changes them for everyone; your own copy is kept for when you leave the team.', [
        team.settings.inForce.version,
        team.settings.inForce.publishedBy,
        when(team.settings.inForce.publishedAt),
      ])}
    </p>
  ) : null;
  const teamLocked = (body: preact.ComponentChildren) =>
    teamShown ? (
      <>
        {teamNote}
        <fieldset disabled class="team-locked">
          {body}
        </fieldset>
      </>
    ) : (
      body
    );
  const policyEditor = teamShown ?? editor;
  const section = (id: (typeof SECTIONS)[number][0], body: preact.ComponentChildren) => (
    <section id={id} aria-labelledby={`${id}-title`} key={id}>
      <h2 id={`${id}-title`}>{sectionTitle(id)}</h2>
      {body}
    </section>
  );

  return (
    <>
      <a class="skip-link" href="#main">
        {t('options_skip', 'Skip to the settings')}
      </a>
      <header class="page-header">
        <span class="brand">Caseline</span>
        <span class="muted">{t('options_title', 'Settings')}</span>
      </header>
      <div class="options-layout">
        <nav aria-label={t('options_nav', 'Settings sections')} class="options-nav">
          <ul>
            {SECTIONS.map(([id]) => (
              <li key={id}>
                <a href={`#${id}`}>{sectionTitle(id)}</a>
              </li>
            ))}
          </ul>
          <ul aria-label={t('options_nav_pages', 'Other pages')}>
            <li>
              <a href="dashboard.html">{t('options_nav_dashboard', 'Team dashboard')}</a>
            </li>
            <li>
              <a href="practice.html">{t('options_nav_practice', 'Practice mailbox')}</a>
            </li>
          </ul>
        </nav>
        <main id="main" tabIndex={-1} class="options-main">
          <h1>{t('options_heading', 'Caseline settings')}</h1>
          {settings.loadError ? (
            <p class="status error" role="alert">
              {t('options_loadFailed', 'Your saved settings could not be read, so defaults are shown: $1', settings.loadError)}
            </p>
          ) : null}
          <ErrorSummary
            title={t('options_summaryTitle', 'Nothing was saved. Please fix $1 problem(s):', settings.problems.length)}
            problems={settings.problems}
            focusKey={settings.attempt}
            onOpen={(field) => focusField(field)}
          />
          {!editor ? (
            <p class="muted">{t('options_loading', 'Loading…')}</p>
          ) : (
            <>
              {section('team', <AgentEditor {...editor} />)}
              {section(
                'sla',
                teamLocked(
                  <>
                    <PresetSelect {...policyEditor!} />
                    <TargetsTable {...policyEditor!} />
                    <PolicyRules {...policyEditor!} />
                  </>,
                ),
              )}
              {section(
                'calendar',
                teamLocked(
                  <>
                    <TimeZoneSelect {...policyEditor!} />
                    <WeekHoursEditor {...policyEditor!} />
                    <HolidaysEditor {...policyEditor!} />
                  </>,
                ),
              )}
              {section('templates', <TemplatesSection live={publications} />)}
              {section('notifications', <NotificationsEditor {...editor} />)}
              {section(
                'data',
                <>
                  <RetentionEditor {...editor} />
                  <DataActions exportData={exportData} />
                </>,
              )}
              {section(
                'sync',
                <SyncSection sync={editor.settings.sync} live={live} team={team} onTeam={setTeam} onChanged={() => void reloadSync()} />,
              )}
            </>
          )}
          {section('about', <AboutSection />)}
        </main>
      </div>
      {editor ? (
        <div class="save-bar" role="region" aria-label={t('options_saveRegion', 'Save')}>
          <span class="muted">{t('options_saveNote', 'Changes to the team, policy, calendar, notifications and retention are saved together.')}</span>
          <button type="button" class="primary" disabled={settings.saving} data-testid="save-settings" onClick={() => void save()}>
            {t('options_save', 'Save settings')}
          </button>
          <span role="status" data-testid="save-status">
            {saved ?? ''}
          </span>
        </div>
      ) : null}
    </>
  );
}
