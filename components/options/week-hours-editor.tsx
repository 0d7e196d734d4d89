/** Business hours per weekday: closed, one period, or two (a lunch break between them). */
import type { Weekday } from '../../utils/calendar/types';
import { errorId, fieldId } from '../forms/field-ids';
import { t } from '../pages/i18n';
import { edited, type EditorProps } from './editor-props';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export function weekdayName(day: Weekday): string {
  const names: Record<Weekday, [string, string]> = {
    mon: ['options_day_mon', 'Monday'],
    tue: ['options_day_tue', 'Tuesday'],
    wed: ['options_day_wed', 'Wednesday'],
    thu: ['options_day_thu', 'Thursday'],
    fri: ['options_day_fri', 'Friday'],
    sat: ['options_day_sat', 'Saturday'],
    sun: ['options_day_sun', 'Sunday'],
  };
  const [key, fallback] = names[day];
  return t(key, fallback);
}

export function WeekHoursEditor({ settings, onChange, errors }: EditorProps) {
  const week = settings.policy.calendar.week;
  const weekError = errors['policy.calendar.week'];
  const setDay = (day: Weekday, change: (periods: Array<[string, string]> | undefined) => Array<[string, string]> | undefined) =>
    onChange(
      edited(settings, (d) => {
        const next = change(d.policy.calendar.week[day]);
        if (next === undefined || next.length === 0) delete d.policy.calendar.week[day];
        else d.policy.calendar.week[day] = next;
      }),
    );
  return (
    <fieldset id={fieldId('policy.calendar.week')} tabIndex={-1} aria-describedby={weekError ? errorId('policy.calendar.week') : 'week-hint'}>
      <legend>{t('options_businessHours', 'Business hours')}</legend>
      <p class="muted" id="week-hint">
        {t('options_businessHours_hint', 'Times are HH:MM in the team’s time zone; 24:00 may end a day. Add a second period for a lunch break.')}
      </p>
      {weekError ? (
        <p class="field-error" id={errorId('policy.calendar.week')}>
          {weekError}
        </p>
      ) : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('options_col_day', 'Day')}</th>
            <th scope="col">{t('options_col_open', 'Open')}</th>
            <th scope="col">{t('options_col_periods', 'Hours')}</th>
          </tr>
        </thead>
        <tbody>
          {DAYS.map((day) => {
            const periods = week[day] ?? [];
            const open = periods.length > 0;
            const name = weekdayName(day);
            return (
              <tr key={day}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    type="checkbox"
                    id={fieldId(`policy.calendar.week.${day}`)}
                    checked={open}
                    aria-label={t('options_dayOpen', '$1: open', name)}
                    onChange={(e) => setDay(day, () => ((e.currentTarget as HTMLInputElement).checked ? [['09:00', '17:00']] : undefined))}
                  />
                </td>
                <td>
                  {open ? (
                    <div class="actions" style={{ margin: 0 }}>
                      {periods.map((period, index) => {
                        const path = `policy.calendar.week.${day}.${index}`;
                        const error = errors[path];
                        const described = error ? errorId(path) : undefined;
                        const setPeriod = (which: 0 | 1, value: string) =>
                          setDay(day, (p) => (p ?? []).map((x, i) => (i === index ? (which === 0 ? [value, x[1]] : [x[0], value]) : x)) as Array<[string, string]>);
                        return (
                          <span key={index} class="period">
                            <label class="visually-hidden" for={fieldId(path)}>
                              {t('options_periodOpens', '$1, period $2, opens at', [name, index + 1])}
                            </label>
                            <input
                              id={fieldId(path)}
                              class="time"
                              inputMode="numeric"
                              value={period[0]}
                              placeholder="09:00"
                              aria-invalid={error ? 'true' : undefined}
                              aria-describedby={described}
                              onInput={(e) => setPeriod(0, (e.currentTarget as HTMLInputElement).value.trim())}
                            />
                            {' – '}
                            <label class="visually-hidden" for={`${fieldId(path)}-close`}>
                              {t('options_periodCloses', '$1, period $2, closes at', [name, index + 1])}
                            </label>
                            <input
                              id={`${fieldId(path)}-close`}
                              class="time"
                              inputMode="numeric"
                              value={period[1]}
                              placeholder="17:00"
                              aria-invalid={error ? 'true' : undefined}
                              aria-describedby={described}
                              onInput={(e) => setPeriod(1, (e.currentTarget as HTMLInputElement).value.trim())}
                            />
                            {index > 0 ? (
                              <button
                                type="button"
                                aria-label={t('options_removePeriod', 'Remove $1’s period $2', [name, index + 1])}
                                onClick={() => setDay(day, (p) => (p ?? []).filter((_, i) => i !== index))}
                              >
                                {t('options_remove', 'Remove')}
                              </button>
                            ) : null}
                            {error ? (
                              <span class="field-error" id={errorId(path)}>
                                {error}
                              </span>
                            ) : null}
                          </span>
                        );
                      })}
                      {periods.length < 2 ? (
                        <button
                          type="button"
                          aria-label={t('options_addPeriod', 'Add lunch break on $1', name)}
                          onClick={() =>
                            setDay(day, (p) => {
                              const first = p?.[0] ?? ['09:00', '17:00'];
                              // Split the day at a one-hour lunch break when the first period allows it.
                              if (first[0] < '13:00' && first[1] > '14:00') return [[first[0], '13:00'], ['14:00', first[1]]];
                              return [...(p ?? []), ['18:00', '20:00']];
                            })
                          }
                        >
                          {t('options_addBreak', 'Add lunch break')}
                        </button>
                      ) : null}
                    </div>
                  ) : (
                    <span class="muted">{t('options_closed', 'Closed')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </fieldset>
  );
}
