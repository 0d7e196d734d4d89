/** Public holidays by country and region (date-holidays) plus the team's own closure days. */
import { useMemo, useState } from 'preact/hooks';
import { publicHolidays } from '../../utils/settings/calendar-holidays';
import { holidayCountries, holidayRegions } from '../../utils/settings/holiday-regions';
import { isIsoDate } from '../../utils/settings/validate-settings';
import { errorId, fieldId } from '../forms/field-ids';
import { SelectField } from '../forms/select-field';
import { TextField } from '../forms/text-field';
import { t, uiLanguage } from '../pages/i18n';
import { edited, type EditorProps } from './editor-props';
import { useCountryHolidays } from './use-country-holidays';

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
  } catch {
    return iso;
  }
}

export function HolidaysEditor({ settings, onChange, errors }: EditorProps) {
  const [newDay, setNewDay] = useState('');
  const [newDayError, setNewDayError] = useState<string | undefined>();
  const year = new Date().getFullYear();
  const { country, region, extra } = settings.holidays;
  const regions = useMemo(() => holidayRegions(country), [country]);
  const loading = useCountryHolidays(country);
  const thisYear = useMemo(() => (loading.status === 'ready' ? publicHolidays(settings, [year]) : []), [country, region, year, loading.status]);

  const addDay = () => {
    const day = newDay.trim();
    if (!isIsoDate(day)) {
      setNewDayError(t('options_closureDay_invalid', 'Enter a date such as $1-12-24.', String(year)));
      return;
    }
    setNewDayError(undefined);
    setNewDay('');
    if (extra.includes(day)) return;
    onChange(edited(settings, (d) => (d.holidays.extra = [...d.holidays.extra, day].sort())));
  };

  return (
    <fieldset>
      <legend>{t('options_holidays', 'Holidays')}</legend>
      <SelectField
        path="holidays.country"
        label={t('options_holidayCountry', 'Public holidays of')}
        value={country}
        options={[{ value: '', label: t('options_noCountry', 'No public holidays') }, ...holidayCountries().map((c) => ({ value: c.code, label: c.name }))]}
        error={errors['holidays.country']}
        onValue={(c) =>
          onChange(
            edited(settings, (d) => {
              d.holidays.country = c;
              d.holidays.region = '';
            }),
          )
        }
      />
      {regions.length > 0 ? (
        <SelectField
          path="holidays.region"
          label={t('options_holidayRegion', 'Region')}
          hint={t('options_holidayRegion_hint', 'Regional holidays are added to the national ones.')}
          value={region}
          options={[{ value: '', label: t('options_wholeCountry', 'Whole country') }, ...regions.map((r) => ({ value: r.code, label: r.name }))]}
          error={errors['holidays.region']}
          onValue={(r) => onChange(edited(settings, (d) => (d.holidays.region = r)))}
        />
      ) : null}
      {country !== '' ? (
        <>
          <h3 id="public-holidays-title">{t('options_publicHolidaysYear', 'Public holidays in $1', String(year))}</h3>
          {loading.status === 'loading' ? (
            <p class="muted" role="status">
              {t('options_publicHolidaysLoading', 'Reading the public holidays…')}
            </p>
          ) : loading.status === 'failed' ? (
            <p class="status error" role="alert">
              {t('options_publicHolidaysFailed', 'The public holidays could not be read: $1', loading.error)}
            </p>
          ) : thisYear.length > 0 ? (
            <ul class="chips" aria-labelledby="public-holidays-title" data-testid="public-holidays">
              {thisYear.map((day) => (
                <li key={day}>
                  <time dateTime={day}>{formatDate(day)}</time>
                </li>
              ))}
            </ul>
          ) : (
            <p class="muted">{t('options_noPublicHolidays', 'No public holidays found for this year.')}</p>
          )}
        </>
      ) : null}

      <h3 id="closure-days-title">{t('options_closureDays', 'Own closure days')}</h3>
      {extra.length > 0 ? (
        <ul class="chips" aria-labelledby="closure-days-title">
          {extra.map((day, index) => {
            const path = `holidays.extra.${index}`;
            const error = errors[path];
            return (
              <li key={day} id={fieldId(path)} tabIndex={error ? -1 : undefined}>
                <time dateTime={day}>{isIsoDate(day) ? formatDate(day) : day}</time>
                <button
                  type="button"
                  aria-label={t('options_removeClosureDay', 'Remove closure day $1', day)}
                  onClick={() => onChange(edited(settings, (d) => (d.holidays.extra = d.holidays.extra.filter((x) => x !== day))))}
                >
                  {t('options_remove', 'Remove')}
                </button>
                {error ? (
                  <span class="field-error" id={errorId(path)}>
                    {error}
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p class="muted">{t('options_noClosureDays', 'None yet.')}</p>
      )}
      <div class="actions">
        <TextField
          path="holidays.newExtra"
          type="date"
          label={t('options_addClosureDay', 'Add a closure day')}
          value={newDay}
          error={newDayError}
          onValue={setNewDay}
        />
        <button type="button" onClick={addDay}>
          {t('options_add', 'Add')}
        </button>
      </div>
    </fieldset>
  );
}
