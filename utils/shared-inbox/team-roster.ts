/**
 * Who is on the team: the members the setup script listed in the team profile (server user
 * names with their role), plus anyone whose records have arrived (a user added by hand), with
 * the display name each agent chose in onboarding when their records carry it. Pure.
 */
export type TeamRole = 'agent' | 'lead';

export interface TeamMember {
  /** The server user name: what owners, notes and mentions name. */
  handle: string;
  /** The name the agent gave Caseline ("Ana López"), when known. */
  name?: string;
  role?: TeamRole;
}

export interface TeamRoster {
  members: TeamMember[];
}

export const EMPTY_ROSTER: TeamRoster = { members: [] };

/** A handle is a server user name: no ':' (the team database refuses it), no spaces, at most 200 characters. */
export function isHandle(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 200 && !/[:\s]/.test(value);
}

/**
 * The roster with `more` folded in: members keep their first known role and the latest name
 * given; sorted by display name so lists and autocomplete read the same everywhere.
 */
export function mergeRoster(roster: TeamRoster, more: readonly TeamMember[]): TeamRoster {
  const byHandle = new Map<string, TeamMember>();
  for (const m of [...roster.members, ...more]) {
    if (!isHandle(m.handle)) continue;
    const known = byHandle.get(m.handle);
    const name = m.name?.trim() || known?.name;
    const role = known?.role ?? m.role;
    byHandle.set(m.handle, { handle: m.handle, ...(name ? { name } : {}), ...(role ? { role } : {}) });
  }
  return { members: [...byHandle.values()].sort((a, b) => displayName(a).localeCompare(displayName(b)) || a.handle.localeCompare(b.handle)) };
}

export function findMember(roster: TeamRoster, handle: string): TeamMember | undefined {
  return roster.members.find((m) => m.handle === handle);
}

/** What to call a member: the name they gave, else their user name. */
export function displayName(member: TeamMember | undefined, fallback = ''): string {
  return member?.name?.trim() || member?.handle || fallback;
}

export function nameOf(roster: TeamRoster, handle: string): string {
  return displayName(findMember(roster, handle), handle);
}

/**
 * Two letters for a chip: the first letters of the first two words ("Ana López" → "AL"), or the
 * first two letters of a single word ("ana" → "An"), so Ana and Alex still differ.
 */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/[\s._-]+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return '?';
  if (words.length === 1) {
    const chars = [...words[0]!];
    return (chars[0]!.toUpperCase() + (chars[1] ?? '').toLowerCase()).trim();
  }
  return ([...words[0]!][0]! + [...words[1]!][0]!).toUpperCase();
}

export function isLead(roster: TeamRoster, handle: string): boolean {
  return findMember(roster, handle)?.role === 'lead';
}
