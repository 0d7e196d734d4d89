/** Business durations as short words for countdowns: "11 h 20 min", "45 min", "-35 min". */
export function formatBusinessDuration(minutes: number): string {
  if (!Number.isFinite(minutes)) return '—';
  const whole = Math.round(Math.abs(minutes));
  const sign = minutes < 0 && whole > 0 ? '-' : '';
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${sign}${rest} min`;
  return `${sign}${hours} h ${String(rest).padStart(2, '0')} min`;
}
