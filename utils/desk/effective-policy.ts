/**
 * The SLA policy in force: the settings' policy with its calendar's holidays rebuilt from the
 * country/region's public holidays and the team's own closure days, for this year and the next.
 * Cached per settings object and year, so a burst of snapshots computes it once.
 */
import type { SlaPolicy } from '../sla/types';
import { calendarWithHolidays, holidayYears } from '../settings/calendar-holidays';
import type { CaselineSettings } from '../settings/settings';

const cache = new WeakMap<CaselineSettings, { year: number; policy: SlaPolicy }>();

export function effectivePolicy(settings: CaselineSettings, now: Date): SlaPolicy {
  const year = now.getUTCFullYear();
  const hit = cache.get(settings);
  if (hit && hit.year === year) return hit.policy;
  const policy = calendarWithHolidays(settings, holidayYears(now)).policy;
  cache.set(settings, { year, policy });
  return policy;
}
