/**
 * `npm run couch:setup -- URL [--db caseline] [--admin user:pass] [--agents a1:pw,a2:pw] [--leads l1:pw]`
 *
 * Prepares an Apache CouchDB 3 server for Caseline sync (see docs/sync.md). The admin
 * credentials may also come from COUCH_ADMIN=user:pass (so they stay out of shell history).
 * HTTPS is required except for loopback addresses.
 */
import { CouchClient } from '../utils/sync/couch-client';
import { VALIDATION_VERSION } from '../utils/sync/docs';
import { checkServerUrl } from '../utils/sync/server-url';
import { parseUserList, setupTeamDatabase } from '../utils/sync/team-setup';
import type { TeamUser } from '../utils/sync/team-setup';

function usage(message: string): never {
  console.error(`${message}\nusage: npm run couch:setup -- URL [--db caseline] [--admin user:pass] [--agents a1:pw,a2:pw] [--leads l1:pw]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let url: string | undefined;
let db = 'caseline';
let admin = process.env.COUCH_ADMIN;
const users: TeamUser[] = [];
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  const value = () => args[++i] ?? usage(`${arg} needs a value`);
  if (arg === '--db') db = value();
  else if (arg === '--admin') admin = value();
  else if (arg === '--agents') users.push(...parseUserList(value(), 'agent'));
  else if (arg === '--leads') users.push(...parseUserList(value(), 'lead'));
  else if (arg.startsWith('--')) usage(`unknown option ${arg}`);
  else if (url === undefined) url = arg;
  else usage(`unexpected argument ${arg}`);
}
if (!url) usage('the server URL is missing');
const checked = checkServerUrl(url);
if (!checked.ok) usage(checked.reason);
if (!/^[a-z][a-z0-9_$()+/-]*$/.test(db)) usage(`"${db}" is not a valid CouchDB database name`);
// Credentials may be in the URL (https://admin:pw@host) or in --admin / COUCH_ADMIN.
if (!admin && checked.credentials) admin = `${checked.credentials.name}:${checked.credentials.password}`;
if (!admin || !admin.includes(':')) usage('server admin credentials are missing (--admin user:pass or COUCH_ADMIN)');
const colon = admin.indexOf(':');
const client = new CouchClient({
  url: checked.url,
  db,
  fetch: (input, init) => fetch(input, init),
  basicAuth: { name: admin.slice(0, colon), password: admin.slice(colon + 1) },
});

try {
  const report = await setupTeamDatabase(client, users);
  console.log(`database ${db}: ${report.databaseCreated ? 'created' : 'already there'}`);
  console.log(`_security: ${report.securityUpdated ? 'set' : 'unchanged'} (members: roles caseline-agent, caseline-lead; admins: role caseline-admin)`);
  console.log(`_design/caseline: ${report.designUpdated ? 'installed' : 'unchanged'} (validation version ${VALIDATION_VERSION}: records bound to their user, append-only, no grafted revisions)`);
  for (const name of report.usersCreated) console.log(`user ${name}: created`);
  for (const name of report.usersUpdated) console.log(`user ${name}: updated`);
  console.log(`team profile (thread salt and members, for owners, notes and presence): ${report.profileUpdated ? 'written' : 'unchanged'}`);
} catch (err) {
  console.error(`setup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
