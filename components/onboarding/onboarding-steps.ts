/** Which onboarding step holds each settings field, so a refused save can send the user back to it. */
export const STEP_COUNT = 4;

/** 0 preset, 1 policy and calendar, 2 agent and team, 3 sync. */
export function stepOfField(field: string): number {
  if (field === 'presetId') return 0;
  if (field.startsWith('policy.') || field.startsWith('holidays.')) return 1;
  if (field.startsWith('sync.')) return 3;
  return 2;
}
