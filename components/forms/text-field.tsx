/** A labelled text input with its hint and error (aria-describedby, aria-invalid). */
import { describedBy, fieldId } from './field-ids';
import { FieldMessages } from './field-message';

export interface TextFieldProps {
  path: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'url' | 'password' | 'date';
  autoComplete?: string;
  inputMode?: 'text' | 'email' | 'url' | 'numeric';
  maxLength?: number;
  required?: boolean;
  /** Keeps the label for screen readers only (compact tables). */
  labelHidden?: boolean;
  class?: string;
  placeholder?: string;
  spellcheck?: boolean;
}

export function TextField(props: TextFieldProps) {
  const id = fieldId(props.path);
  return (
    <div class="field">
      <label for={id} class={props.labelHidden ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <input
        id={id}
        name={props.path}
        class={props.class}
        type={props.type ?? 'text'}
        value={props.value}
        autoComplete={props.autoComplete ?? 'off'}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        required={props.required}
        placeholder={props.placeholder}
        spellcheck={props.spellcheck}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props.path, props.hint, props.error)}
        onInput={(e) => props.onValue((e.currentTarget as HTMLInputElement).value)}
      />
      <FieldMessages path={props.path} hint={props.hint} error={props.error} />
    </div>
  );
}
