/** The hint and error lines under a control, with the ids the control's aria-describedby names. */
import { errorId, hintId } from './field-ids';

export function FieldMessages({ path, hint, error }: { path: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <span class="hint" id={hintId(path)}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span class="field-error" id={errorId(path)}>
          {error}
        </span>
      ) : null}
    </>
  );
}
