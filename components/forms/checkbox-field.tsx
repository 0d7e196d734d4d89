/** A checkbox with its label beside it, and an optional hint and error. */
import { describedBy, fieldId } from './field-ids';
import { FieldMessages } from './field-message';

export interface CheckboxFieldProps {
  path: string;
  label: string;
  checked: boolean;
  onValue: (checked: boolean) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const id = fieldId(props.path);
  return (
    <div class="check">
      <input
        id={id}
        name={props.path}
        type="checkbox"
        checked={props.checked}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.path, props.hint, props.error)}
        onChange={(e) => props.onValue((e.currentTarget as HTMLInputElement).checked)}
      />
      <div>
        <label for={id}>{props.label}</label>
        <div>
          <FieldMessages path={props.path} hint={props.hint} error={props.error} />
        </div>
      </div>
    </div>
  );
}
