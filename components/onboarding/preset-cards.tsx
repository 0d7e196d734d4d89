/** Step 1: one card per procedure document, chosen with radio buttons (arrow keys move between them). */
import { CATEGORIES } from '../../utils/cases/events';
import { PRESETS } from '../../utils/sla/presets';
import type { SlaPolicy } from '../../utils/sla/types';
import { categoryName, describeCategoryTargets } from '../options/describe-targets';
import { t } from '../pages/i18n';

interface Props {
  selected: string;
  onSelect: (preset: SlaPolicy) => void;
}

export function PresetCards({ selected, onSelect }: Props) {
  return (
    <fieldset id="field-presetId" tabIndex={-1}>
      <legend>{t('onboarding_pickPreset', 'Which procedure does your team follow?')}</legend>
      <p class="muted">{t('onboarding_pickPreset_hint', 'Each preset takes its time targets from one procedure document. You can change every figure in the next step.')}</p>
      <ul class="cards">
        {PRESETS.map((preset) => {
          const id = `preset-${preset.id}`;
          const isSelected = preset.id === selected;
          return (
            <li key={preset.id} class={`card${isSelected ? ' selected' : ''}`}>
              <h2>
                <input type="radio" name="preset" id={id} value={preset.id} checked={isSelected} onChange={() => onSelect(preset)} aria-describedby={`${id}-desc`} />{' '}
                <label for={id}>{preset.name}</label>
              </h2>
              <div id={`${id}-desc`}>
                <p class="muted">{t('onboarding_presetSource', 'From: $1', preset.source)}</p>
                <ul>
                  {CATEGORIES.map((c) => (
                    <li key={c}>
                      <strong>{categoryName(c)}:</strong> {describeCategoryTargets(preset, c)}
                    </li>
                  ))}
                </ul>
              </div>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
