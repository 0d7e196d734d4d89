import { parseTeamProfile, TEAM_PROFILE_ID } from '../../../utils/shared-inbox/team-profile';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchClient, CouchError } from '../../../utils/sync/couch-client';
import { designDocument } from '../../../utils/sync/docs';
import { parseUserList, setupTeamDatabase, TEAM_SECURITY } from '../../../utils/sync/team-setup';
import { startCouchServer } from '../../support/couch-server';
import type { CouchServer } from '../../support/couch-server';
import { adminClient, nodeFetch, userClient } from './team-fixture';

const run = promisify(execFile);

describe('couch:setup against a CouchDB-compatible server', () => {
  let server: CouchServer;
  beforeAll(async () => {
    server = await startCouchServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('refuses anonymous requests (admin party is off)', async () => {
    const anon = new CouchClient({ url: server.url, db: '_users', fetch: nodeFetch });
    await expect(anon.createDatabase('anything')).rejects.toMatchObject({ kind: 'session_expired', status: 401 });
  });

  it('runs the script twice: database, _security, design document and users, unchanged the second time', async () => {
    const url = server.url;
    const args = ['--import', 'tsx', 'scripts/couch-setup.ts', url, '--db', server.db, '--agents', 'ann:ann-pw,bob:bob-pw', '--leads', 'lea:lea-pw'];
    const env = { ...process.env, COUCH_ADMIN: `${server.adminAuth.name}:${server.adminAuth.password}` };
    const first = await run(process.execPath, args, { env, cwd: process.cwd() });
    expect(first.stdout).toContain(`database ${server.db}: created`);
    expect(first.stdout).toContain('_design/caseline: installed');
    expect(first.stdout).toContain('user ann: created');
    expect(first.stdout).toContain('user lea: created');
    const second = await run(process.execPath, args, { env, cwd: process.cwd() });
    expect(second.stdout).toContain(`database ${server.db}: already there`);
    expect(second.stdout).toContain('_security: unchanged');
    expect(second.stdout).toContain('_design/caseline: unchanged');
    expect(second.stdout).toContain('user ann: updated');

    const admin = adminClient(server);
    expect(await admin.getSecurity()).toEqual(TEAM_SECURITY);
    const ddoc = await admin.getDoc<{ validate_doc_update: string }>('_design/caseline');
    expect(ddoc?.validate_doc_update).toBe(designDocument().validate_doc_update);
    const ann = await admin.getDoc<{ roles: string[] }>('org.couchdb.user:ann', '_users');
    expect(ann?.roles).toEqual(['caseline-agent']);
    const lea = await admin.getDoc<{ roles: string[] }>('org.couchdb.user:lea', '_users');
    expect(lea?.roles).toEqual(['caseline-lead']);
  }, 60_000);

  it('lets the users log in with their roles, and keeps other users out', async () => {
    const client = new CouchClient({ url: server.url, db: server.db, fetch: nodeFetch });
    expect(await client.login('lea', 'lea-pw')).toEqual({ name: 'lea', roles: ['caseline-lead'] });
    expect(client.hasCookie).toBe(true);
    expect((await client.session()).name).toBe('lea');
    await expect(client.login('lea', 'wrong')).rejects.toMatchObject({ kind: 'unauthorized' });

    const admin = adminClient(server);
    await admin.putDoc({ _id: 'org.couchdb.user:eve', name: 'eve', type: 'user', roles: [], password: 'eve-pw' }, '_users');
    const eve = new CouchClient({ url: server.url, db: server.db, fetch: nodeFetch });
    await eve.login('eve', 'eve-pw');
    const err = await eve.changes(0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CouchError);
    // express-pouchdb answers 401; CouchDB 3 says 403 to a signed-in user who is not a member.
    expect([401, 403]).toContain((err as CouchError).status);
  });

  it('is idempotent when called as a function too', async () => {
    const report = await setupTeamDatabase(adminClient(server), []);
    expect(report).toEqual({ databaseCreated: false, securityUpdated: false, designUpdated: false, usersCreated: [], usersUpdated: [], profileUpdated: false });
  });

  it('keeps a team profile every member can read and nobody but an admin can write: one salt, the members', async () => {
    const ann = await userClient(server, 'ann');
    const first = parseTeamProfile(await ann.getDoc(TEAM_PROFILE_ID));
    expect(first?.salt).toMatch(/^[0-9a-f]{64}$/);
    expect(first?.members).toEqual([
      { handle: 'ann', role: 'agent' },
      { handle: 'bob', role: 'agent' },
      { handle: 'lea', role: 'lead' },
    ]);
    const report = await setupTeamDatabase(adminClient(server), [{ name: 'cy', password: 'cy-pw', role: 'agent' }]);
    expect(report.profileUpdated).toBe(true);
    const second = parseTeamProfile(await ann.getDoc(TEAM_PROFILE_ID));
    expect(second?.salt).toBe(first?.salt);
    expect(second?.members.map((m) => m.handle)).toEqual(['ann', 'bob', 'cy', 'lea']);
    const current = await ann.getDoc(TEAM_PROFILE_ID);
    const refused = await ann.putDoc({ ...current!, salt: '00'.repeat(32) }).catch((e: unknown) => e);
    expect(refused).toMatchObject({ kind: 'forbidden' });
  });

  it('rejects plain http to a remote host, and bad user lists', async () => {
    const out = await run(process.execPath, ['--import', 'tsx', 'scripts/couch-setup.ts', 'http://couch.example.org', '--admin', 'a:b']).catch((e: { stderr: string; code: number }) => e);
    expect((out as { code: number }).code).toBe(2);
    expect((out as { stderr: string }).stderr).toContain('https://');
    expect(() => parseUserList('ann', 'agent')).toThrow(/user:password/);
    expect(parseUserList('ann:a:b, bob:c', 'agent')).toEqual([
      { name: 'ann', password: 'a:b', role: 'agent' },
      { name: 'bob', password: 'c', role: 'agent' },
    ]);
  }, 30_000);
});
