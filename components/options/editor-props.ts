/** What every settings editor receives: the draft, a way to change it, and errors by field path. */
import type { CaselineSettings } from '../../utils/settings/settings';

export interface EditorProps {
  settings: CaselineSettings;
  onChange: (next: CaselineSettings) => void;
  errors: Readonly<Record<string, string>>;
}

/** A changed copy of the draft (the draft itself is never mutated, so Preact sees the change). */
export function edited(settings: CaselineSettings, change: (draft: CaselineSettings) => void): CaselineSettings {
  const draft = structuredClone(settings);
  change(draft);
  return draft;
}
