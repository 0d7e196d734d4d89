/**
 * The procedure the practice feedback is measured against: the team's active SLA policy from the
 * background, or procedure 000's preset when the background does not answer (the page says so).
 */
import { presetById } from '../../utils/sla/presets';
import type { SlaPolicy } from '../../utils/sla/types';
import { ask } from '../pages/ask-background';

export const FALLBACK_PRESET_ID = 'sop-000';

export interface ActiveProcedure {
  policy: SlaPolicy;
  /** Set when the settings could not be read and the fallback is in use. */
  notice?: string;
}

function fallbackPolicy(): SlaPolicy {
  const preset = presetById(FALLBACK_PRESET_ID);
  if (!preset) throw new Error(`the ${FALLBACK_PRESET_ID} preset is missing`);
  return preset;
}

/** How long the page waits for the background before it uses the fallback. */
const ANSWER_WAIT_MS = 4000;

export async function loadActiveProcedure(): Promise<ActiveProcedure> {
  const late = new Promise<{ ok: false; error: string }>((resolve) =>
    setTimeout(() => resolve({ ok: false, error: 'Caseline did not answer in time' }), ANSWER_WAIT_MS),
  );
  const reply = await Promise.race([ask('getSettings', {}), late]);
  if (reply.ok && reply.value && typeof reply.value === 'object' && reply.value.policy?.targets) {
    return { policy: reply.value.policy };
  }
  const policy = fallbackPolicy();
  const why = reply.ok ? 'the settings had no policy' : reply.error;
  return { policy, notice: `Your team's settings could not be read (${why}), so feedback uses “${policy.name}”.` };
}
