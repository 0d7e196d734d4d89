/**
 * Prepares a CouchDB 3 server for a Caseline team (run by `npm run couch:setup` with server
 * admin credentials). Idempotent: running it again updates what differs and keeps the rest.
 * - the database, and `_users` if the server lacks it (a single node set up without it);
 * - `_security`: members are the caseline-agent and caseline-lead roles, admins the
 *   caseline-admin role (anyone else, including anonymous users, is refused);
 * - `_design/caseline` with validate_doc_update (docs.ts);
 * - users in `_users` with their roles (the password is set again on every run);
 * - the team profile (utils/shared-inbox/team-profile.ts): the thread salt every agent keys
 *   shared-inbox records with, made once, and the members with their roles.
 */
import type { CouchClient, SecurityObject } from './couch-client';
import { designDocument, ROLES } from './docs';
import { newSyncSalt } from '../cases/case-id';
import { nextProfileDoc, TEAM_PROFILE_ID } from '../shared-inbox/team-profile';

export interface TeamUser {
  name: string;
  password: string;
  role: 'agent' | 'lead';
}

export interface SetupReport {
  databaseCreated: boolean;
  securityUpdated: boolean;
  designUpdated: boolean;
  usersCreated: string[];
  usersUpdated: string[];
  /** The team profile was made, or learned new members or roles. */
  profileUpdated: boolean;
}

export const TEAM_SECURITY: SecurityObject = {
  admins: { names: [], roles: [ROLES.admin] },
  members: { names: [], roles: [ROLES.agent, ROLES.lead] },
};

/** `client` must authenticate as a server admin (basic auth or an admin session). */
export async function setupTeamDatabase(client: CouchClient, users: readonly TeamUser[] = []): Promise<SetupReport> {
  const report: SetupReport = { databaseCreated: false, securityUpdated: false, designUpdated: false, usersCreated: [], usersUpdated: [], profileUpdated: false };
  await client.createDatabase('_users');
  report.databaseCreated = await client.createDatabase();

  const current = await client.getSecurity();
  if (JSON.stringify(normaliseSecurity(current)) !== JSON.stringify(normaliseSecurity(TEAM_SECURITY))) {
    await client.putSecurity(TEAM_SECURITY);
    report.securityUpdated = true;
  }

  const wanted = designDocument();
  const existing = await client.getDoc<{ validate_doc_update?: string; caselineVersion?: number }>(wanted._id);
  if (!existing || existing.validate_doc_update !== wanted.validate_doc_update || existing.caselineVersion !== wanted.caselineVersion) {
    await client.putDoc({ ...wanted, ...(existing ? { _rev: existing._rev } : {}) });
    report.designUpdated = true;
  }

  for (const user of users) {
    const id = `org.couchdb.user:${user.name}`;
    const role = user.role === 'lead' ? ROLES.lead : ROLES.agent;
    const old = await client.getDoc<{ roles?: string[] }>(id, '_users');
    await client.putDoc(
      { _id: id, ...(old ? { _rev: old._rev } : {}), name: user.name, type: 'user', roles: [role], password: user.password },
      '_users',
    );
    (old ? report.usersUpdated : report.usersCreated).push(user.name);
  }

  const profile = await client.getDoc<{ salt?: unknown; members?: unknown }>(TEAM_PROFILE_ID);
  const nextProfile = nextProfileDoc(profile, users.map((u) => ({ name: u.name, role: u.role })), newSyncSalt);
  if (!profile || profile.salt !== nextProfile.salt || JSON.stringify(profile.members) !== JSON.stringify(nextProfile.members)) {
    await client.putDoc({ ...nextProfile, ...(profile ? { _rev: profile._rev } : {}) });
    report.profileUpdated = true;
  }
  return report;
}

function normaliseSecurity(s: SecurityObject): unknown {
  const part = (p?: { names?: string[]; roles?: string[] }) => ({ names: [...(p?.names ?? [])].sort(), roles: [...(p?.roles ?? [])].sort() });
  return { admins: part(s.admins), members: part(s.members) };
}

/** Parses `a1:pw,a2:pw` (a password may contain ':' but not ','). */
export function parseUserList(list: string, role: TeamUser['role']): TeamUser[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf(':');
      if (at <= 0 || at === pair.length - 1) throw new Error(`"${pair}" is not user:password`);
      return { name: pair.slice(0, at), password: pair.slice(at + 1), role };
    });
}
