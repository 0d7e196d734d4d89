/**
 * How the dashboard writes a figure it was given (no figure is computed here): durations in
 * business hours and minutes, shares as whole percentages, "—" when there is nothing to show.
 */
import { formatBusinessDuration } from '../../utils/calendar/format-duration';

export const NO_FIGURE = '—';

export function formatMinutes(minutes: number | null): string {
  return minutes === null ? NO_FIGURE : formatBusinessDuration(minutes);
}

export function formatShare(share: number | null): string {
  return share === null ? NO_FIGURE : `${Math.round(share * 100)}%`;
}

export function formatCsat(average: number | null): string {
  return average === null ? NO_FIGURE : `${average.toFixed(1)} / 5`;
}

export function formatNps(score: number | null): string {
  if (score === null) return NO_FIGURE;
  const whole = Math.round(score);
  return whole > 0 ? `+${whole}` : String(whole === 0 ? 0 : whole);
}

/** One formatter for every count (toLocaleString would make one per call). */
let counts: Intl.NumberFormat | undefined;

export function formatCount(n: number): string {
  return (counts ??= new Intl.NumberFormat('en')).format(n);
}

/** Words for the SLA targets' internal names. */
const TARGET_LABELS: Record<string, string> = {
  acknowledge: 'Acknowledge',
  respond: 'First answer',
  resolve: 'Resolve',
  followUp: 'Follow up',
  escalationUpdate: 'Escalation update',
};

export function targetLabel(target: string): string {
  return TARGET_LABELS[target] ?? target;
}

const CATEGORY_LABELS: Record<string, string> = {
  inquiry: 'Inquiries',
  complaint: 'Complaints',
  support: 'Support',
  uncategorised: 'Not yet classified',
};

export function categoryLabel(category: string): string {
  return CATEGORY_LABELS[category] ?? category;
}

/** An agent as people know them: the name where known, else the install's id. */
export function agentLabel(id: string, names: Record<string, string>): string {
  return names[id] ?? id;
}
