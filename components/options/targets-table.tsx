/** The category × target editor: amount, unit and clock of each target the policy sets. */
import { CATEGORIES, type Category } from '../../utils/cases/events';
import { TARGET_NAMES, type SlaTarget, type TargetName } from '../../utils/sla/types';
import { CheckboxField } from '../forms/checkbox-field';
import { NumberField } from '../forms/number-field';
import { SelectField } from '../forms/select-field';
import { t } from '../pages/i18n';
import { categoryName, targetName } from './describe-targets';
import { edited, type EditorProps } from './editor-props';

function unitOptions() {
  return [
    { value: 'minutes', label: t('options_unit_minutes', 'minutes') },
    { value: 'hours', label: t('options_unit_hours', 'hours') },
    { value: 'days', label: t('options_unit_days', 'days') },
  ];
}
function clockOptions() {
  return [
    { value: 'business', label: t('options_clock_business', 'business time') },
    { value: 'calendar', label: t('options_clock_calendar', 'calendar time') },
  ];
}

function CategoryTable({ category, settings, onChange, errors }: EditorProps & { category: Category }) {
  const targets = settings.policy.targets[category];
  const headingId = `targets-${category}`;
  const set = (name: TargetName, change: (target: SlaTarget) => void) =>
    onChange(
      edited(settings, (d) => {
        const target = d.policy.targets[category][name];
        if (target) change(target);
      }),
    );
  return (
    <>
      <h3 id={headingId}>{categoryName(category)}</h3>
      <table aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{t('options_col_target', 'Target')}</th>
            <th scope="col">{t('options_col_amount', 'Amount')}</th>
            <th scope="col">{t('options_col_unit', 'Unit')}</th>
            <th scope="col">{t('options_col_clock', 'Clock')}</th>
            <th scope="col">{t('options_col_pauses', 'Pauses while waiting on the customer')}</th>
          </tr>
        </thead>
        <tbody>
          {TARGET_NAMES.map((name) => {
            const target = targets[name];
            const base = `policy.targets.${category}.${name}`;
            const label = `${categoryName(category)}: ${targetName(name)}`;
            return (
              <tr key={name}>
                <th scope="row">
                  {targetName(name)}
                  {target?.source ? <div class="muted">{target.source}</div> : null}
                </th>
                {target ? (
                  <>
                    <td>
                      <NumberField
                        path={`${base}.amount`}
                        label={`${label}, ${t('options_col_amount', 'Amount')}`}
                        labelHidden
                        value={target.amount}
                        min={0}
                        error={errors[`${base}.amount`]}
                        onValue={(n) => set(name, (x) => (x.amount = n))}
                      />
                    </td>
                    <td>
                      <SelectField
                        path={`${base}.unit`}
                        label={`${label}, ${t('options_col_unit', 'Unit')}`}
                        labelHidden
                        value={target.unit}
                        options={unitOptions()}
                        error={errors[`${base}.unit`]}
                        onValue={(u) => set(name, (x) => (x.unit = u as SlaTarget['unit']))}
                      />
                    </td>
                    <td>
                      <SelectField
                        path={`${base}.clock`}
                        label={`${label}, ${t('options_col_clock', 'Clock')}`}
                        labelHidden
                        value={target.clock}
                        options={clockOptions()}
                        error={errors[`${base}.clock`]}
                        onValue={(c) => set(name, (x) => (x.clock = c as SlaTarget['clock']))}
                      />
                    </td>
                    <td>
                      <CheckboxField
                        path={`${base}.pausesWhileWaiting`}
                        label={t('options_pauses_short', 'Pauses')}
                        checked={target.pausesWhileWaiting}
                        error={errors[`${base}.pausesWhileWaiting`]}
                        onValue={(p) => set(name, (x) => (x.pausesWhileWaiting = p))}
                      />
                    </td>
                  </>
                ) : (
                  <td colSpan={4} class="muted">
                    {t('options_targetNotSet', 'Not set by this procedure.')}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

export function TargetsTable(props: EditorProps) {
  return (
    <div>
      {CATEGORIES.map((category) => (
        <CategoryTable key={category} category={category} {...props} />
      ))}
    </div>
  );
}

/** Due-soon share and follow-ups: the policy's other rules. */
export function PolicyRules({ settings, onChange, errors }: EditorProps) {
  const share = Math.round(settings.policy.dueSoonShare * 1000) / 10;
  return (
    <>
      <NumberField
        path="policy.dueSoonShare"
        label={t('options_dueSoonShare', 'Warn when this share of a target’s time is left (%)')}
        hint={t('options_dueSoonShare_hint', 'For example 25: a target turns “due soon” in its last quarter.')}
        value={share}
        min={1}
        max={99}
        error={errors['policy.dueSoonShare']}
        onValue={(n) => onChange(edited(settings, (d) => (d.policy.dueSoonShare = n / 100)))}
      />
      <NumberField
        path="policy.followUpsBeforeClose"
        label={t('options_followUps', 'Follow-ups before a case may close')}
        value={settings.policy.followUpsBeforeClose}
        min={0}
        max={10}
        step={1}
        error={errors['policy.followUpsBeforeClose']}
        onValue={(n) => onChange(edited(settings, (d) => (d.policy.followUpsBeforeClose = n)))}
      />
      <CheckboxField
        path="policy.usesNps"
        label={t('options_usesNps', 'Ask the Net Promoter Score question when closing')}
        checked={settings.policy.usesNps}
        onValue={(b) => onChange(edited(settings, (d) => (d.policy.usesNps = b)))}
      />
    </>
  );
}
