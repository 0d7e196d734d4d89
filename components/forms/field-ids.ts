/** Element ids derived from a settings field path, so errors, summaries and inputs agree. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
export function errorId(path: string): string {
  return `${fieldId(path)}-error`;
}
export function hintId(path: string): string {
  return `${fieldId(path)}-hint`;
}
/** aria-describedby for a control: its hint and its error, when present. */
export function describedBy(path: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? hintId(path) : '', error ? errorId(path) : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}
/** Moves focus to the control of a field (after the DOM has it). */
export function focusField(path: string): boolean {
  const el = document.getElementById(fieldId(path));
  if (!el) return false;
  el.focus();
  el.scrollIntoView({ block: 'center' });
  return true;
}
