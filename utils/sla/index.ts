/** SLA policies, their presets from the procedures, and evaluation of a case's targets. */
export type { SlaPolicy, SlaTarget, TargetName, TargetState, TargetStatus } from './types';
export { TARGET_NAMES } from './types';
export { evaluate, nextDeadline } from './evaluate';
export { PRESETS, presetById, DEFAULT_CALENDAR } from './presets';
