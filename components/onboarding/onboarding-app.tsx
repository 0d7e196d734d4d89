/**
 * First run: pick a procedure preset, adjust its targets and calendar, say who you are, optionally
 * set up team sync, then save everything at once. Nothing is stored before the final Save, and
 * only when every field is valid.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { calendarWithHolidays, holidayYears } from '../../utils/settings/calendar-holidays';
import { settingsWithPreset } from '../../utils/settings/apply-preset';
import type { CaselineSettings } from '../../utils/settings/settings';
import { validateSettings, errorsByField, type SettingsError } from '../../utils/settings/validate-settings';
import { ErrorSummary } from '../forms/error-summary';
import { focusField } from '../forms/field-ids';
import { AgentEditor } from '../options/agent-editor';
import { HolidaysEditor } from '../options/holidays-editor';
import { TargetsTable } from '../options/targets-table';
import { TimeZoneSelect } from '../options/time-zone-select';
import { settledHolidays, useSettingsDraft } from '../options/use-settings-draft';
import { WeekHoursEditor } from '../options/week-hours-editor';
import { t } from '../pages/i18n';
import { PresetCards } from './preset-cards';
import { STEP_COUNT, stepOfField } from './onboarding-steps';

function stepTitle(step: number): string {
  switch (step) {
    case 0:
      return t('onboarding_step_preset', 'Choose a procedure');
    case 1:
      return t('onboarding_step_policy', 'Targets and calendar');
    case 2:
      return t('onboarding_step_team', 'You and your team');
    default:
      return t('onboarding_step_sync', 'Team sync (optional)');
  }
}

/** A fresh install's placeholder name and company are cleared so the agent types their own. */
function prepare(loaded: CaselineSettings): CaselineSettings {
  if (loaded.onboarded) return loaded;
  return { ...loaded, agent: { ...loaded.agent, name: '', prefix: '' }, company: { name: '' } };
}

export function OnboardingApp() {
  const settings = useSettingsDraft(prepare);
  const [step, setStep] = useState(0);
  const [done, setDone] = useState(false);
  const [shown, setShown] = useState<SettingsError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pendingFocus, setPendingFocus] = useState<string | undefined>();
  const { draft, setDraft } = settings;
  const errors = errorsByField(shown);

  useEffect(() => {
    if (pendingFocus && focusField(pendingFocus)) setPendingFocus(undefined);
  }, [pendingFocus, step]);
  // After a step change (not on first load), focus moves to the new step's heading.
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (!pendingFocus) document.getElementById('step-title')?.focus();
  }, [step, done]);

  const refuse = (problems: SettingsError[]) => {
    setShown(problems);
    setAttempt((n) => n + 1);
  };

  const next = async () => {
    if (!draft) return;
    const unreadable = await settledHolidays(draft.holidays.country);
    if (unreadable !== undefined) return refuse([{ field: 'holidays.country', message: unreadable }]);
    const checked = validateSettings(calendarWithHolidays(draft, holidayYears(new Date())));
    const here = checked.ok ? [] : checked.errors.filter((e) => stepOfField(e.field) === step);
    if (here.length > 0) return refuse(here);
    setShown([]);
    setStep((s) => Math.min(STEP_COUNT - 1, s + 1));
  };

  const save = async () => {
    const outcome = await settings.save((s) => ({ ...s, onboarded: true }));
    if (outcome.ok) {
      setShown([]);
      setDone(true);
    } else refuse(outcome.problems);
  };

  const open = (field: string) => {
    setStep(stepOfField(field));
    setPendingFocus(field);
  };

  const editor = draft ? { settings: draft, onChange: setDraft, errors } : undefined;

  return (
    <>
      <header class="page-header">
        <span class="brand">Caseline</span>
        <span class="muted">{t('onboarding_title', 'Set up your service desk')}</span>
      </header>
      <main class="page-main" id="main">
        {done ? (
          <section aria-labelledby="step-title" data-testid="onboarding-done">
            <h1 id="step-title" tabIndex={-1}>
              {t('onboarding_done', 'You’re set')}
            </h1>
            <p>{t('onboarding_done_text', 'Caseline now follows “$1”. Open Gmail or Outlook on the web and each thread gets its category and countdowns.', draft?.policy.name ?? '')}</p>
            <ul>
              <li>
                <a href="practice.html">{t('onboarding_practice', 'Practise on sample threads')}</a>
              </li>
              <li>
                <a href="options.html">{t('onboarding_options', 'Open the settings (templates, data, sync)')}</a>
              </li>
            </ul>
          </section>
        ) : (
          <>
            <nav aria-label={t('onboarding_progress', 'Set-up steps')}>
              <ol class="stepper">
                {[0, 1, 2, 3].map((i) => (
                  <li key={i} aria-current={i === step ? 'step' : undefined} class={i === step ? 'current' : i < step ? 'past' : undefined}>
                    {t('onboarding_stepN', 'Step $1: $2', [i + 1, stepTitle(i)])}
                  </li>
                ))}
              </ol>
            </nav>
            <h1 id="step-title" tabIndex={-1}>
              {stepTitle(step)}
            </h1>
            {settings.loadError ? (
              <p class="status error" role="alert">
                {settings.loadError}
              </p>
            ) : null}
            <ErrorSummary
              title={t('onboarding_summaryTitle', 'Please fix $1 problem(s) before going on:', shown.length)}
              problems={shown}
              focusKey={attempt}
              onOpen={open}
            />
            {!editor ? (
              <p class="muted">{t('options_loading', 'Loading…')}</p>
            ) : (
              <div data-step={step}>
                {step === 0 ? (
                  <PresetCards
                    selected={editor.settings.presetId}
                    onSelect={(preset) => setDraft(settingsWithPreset(editor.settings, preset))}
                  />
                ) : null}
                {step === 1 ? (
                  <>
                    <p class="muted">{t('onboarding_policy_hint', 'These are the procedure’s figures. Change any of them to match what your team promises.')}</p>
                    <h2>{t('onboarding_targets', 'Time targets')}</h2>
                    <TargetsTable {...editor} />
                    <h2>{t('onboarding_calendar', 'When your team works')}</h2>
                    <TimeZoneSelect {...editor} />
                    <WeekHoursEditor {...editor} />
                    <HolidaysEditor {...editor} />
                  </>
                ) : null}
                {step === 2 ? <AgentEditor {...editor} /> : null}
                {step === 3 ? (
                  <>
                    <p>{t('onboarding_sync_text', 'Working alone? Skip this. A team can share case events with its own CouchDB server so the lead sees everyone’s figures.')}</p>
                    <p>
                      <a href="options.html#sync" target="_blank" rel="noopener">
                        {t('onboarding_sync_link', 'Set up team sync in the settings (opens in a new tab)')}
                      </a>
                    </p>
                    <p class="muted">{t('onboarding_save_hint', 'Save stores everything from the previous steps at once.')}</p>
                  </>
                ) : null}
                <div class="actions">
                  {step > 0 ? (
                    <button type="button" onClick={() => (setShown([]), setStep(step - 1))}>
                      {t('onboarding_back', 'Back')}
                    </button>
                  ) : null}
                  {step < STEP_COUNT - 1 ? (
                    <button type="button" class="primary" onClick={next} data-testid="onboarding-next">
                      {t('onboarding_next', 'Next')}
                    </button>
                  ) : (
                    <button type="button" class="primary" onClick={() => void save()} disabled={settings.saving} data-testid="onboarding-save">
                      {t('onboarding_save', 'Save and finish')}
                    </button>
                  )}
                </div>
              </div>
            )}
          </>
        )}
      </main>
    </>
  );
}
