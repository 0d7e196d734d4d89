/** A labelled number input; an empty or unreadable entry is passed on as NaN so validation names it. */
import { describedBy, fieldId } from './field-ids';
import { FieldMessages } from './field-message';

export interface NumberFieldProps {
  path: string;
  label: string;
  value: number;
  onValue: (value: number) => void;
  error?: string | undefined;
  hint?: string | undefined;
  min?: number;
  max?: number;
  step?: number | 'any';
  labelHidden?: boolean;
}

export function NumberField(props: NumberFieldProps) {
  const id = fieldId(props.path);
  return (
    <div class="field">
      <label for={id} class={props.labelHidden ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={id}
        name={props.path}
        type="number"
        value={Number.isFinite(props.value) ? String(props.value) : ''}
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.path, props.hint, props.error)}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value.trim();
          props.onValue(text === '' ? Number.NaN : Number(text));
        }}
      />
      <FieldMessages path={props.path} hint={props.hint} error={props.error} />
    </div>
  );
}
