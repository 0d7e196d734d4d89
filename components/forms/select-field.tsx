/** A labelled select with its hint and error. */
import { describedBy, fieldId } from './field-ids';
import { FieldMessages } from './field-message';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps {
  path: string;
  label: string;
  value: string;
  options: readonly SelectOption[];
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  labelHidden?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const id = fieldId(props.path);
  return (
    <div class="field">
      <label for={id} class={props.labelHidden ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <select
        id={id}
        name={props.path}
        value={props.value}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.path, props.hint, props.error)}
        onChange={(e) => props.onValue((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages path={props.path} hint={props.hint} error={props.error} />
    </div>
  );
}
