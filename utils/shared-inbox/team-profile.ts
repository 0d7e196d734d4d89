/**
 * The team profile: one document the setup script keeps in the team database (written by the
 * server admin, readable by every member) with the team's thread salt and its members. Every
 * agent reads it when connecting, so that all of them key a conversation the same way
 * (thread-key.ts) and know whom they can mention or hand a case to. Pure: its shape and check.
 */
import { isHandle, type TeamMember } from './team-roster';

/** The profile's document id: not a record id (those are `<prefix>:<user>:<ulid>`), so no user can write it. */
export const TEAM_PROFILE_ID = 'caseline-team-profile';
export const TEAM_PROFILE_TYPE = 'team-profile';

export interface TeamProfile {
  /** 32 random bytes, hex: the HMAC key of thread keys. */
  salt: string;
  members: TeamMember[];
}

/** The profile from the stored document, or null when it is missing or malformed. */
export function parseTeamProfile(doc: unknown): TeamProfile | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const { salt, members } = doc as { salt?: unknown; members?: unknown };
  if (typeof salt !== 'string' || !/^[0-9a-f]{64}$/.test(salt)) return null;
  const list: TeamMember[] = [];
  if (Array.isArray(members)) {
    for (const m of members) {
      if (typeof m !== 'object' || m === null) continue;
      const { name, role } = m as { name?: unknown; role?: unknown };
      if (!isHandle(name)) continue;
      list.push({ handle: name, ...(role === 'lead' || role === 'agent' ? { role } : {}) });
    }
  }
  return { salt, members: list };
}

/**
 * The profile document after (re)running setup with `users`: the salt is kept once made (every
 * key depends on it), members are added or get their new role, nobody is dropped.
 */
export function nextProfileDoc(
  existing: { salt?: unknown; members?: unknown } | undefined,
  users: ReadonlyArray<{ name: string; role: 'agent' | 'lead' }>,
  newSalt: () => string,
): { _id: string; type: string; salt: string; members: Array<{ name: string; role: 'agent' | 'lead' }> } {
  const current = existing ? parseTeamProfile(existing) : null;
  const members = new Map<string, 'agent' | 'lead'>();
  for (const m of current?.members ?? []) members.set(m.handle, m.role ?? 'agent');
  for (const u of users) members.set(u.name, u.role);
  return {
    _id: TEAM_PROFILE_ID,
    type: TEAM_PROFILE_TYPE,
    salt: current?.salt ?? newSalt(),
    members: [...members].map(([name, role]) => ({ name, role })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
