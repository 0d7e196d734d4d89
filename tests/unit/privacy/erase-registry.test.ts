/**
 * "Erase means erased", at the level of the lists erasure works from:
 * - the database on disk has exactly the stores STORE_ERASURE names (a new store cannot be
 *   forgotten), and every store erased by case has the index that rule needs;
 * - every browser.storage key the code writes is one STORAGE_KEYS names, and nothing uses
 *   storage.sync;
 * - the places outside the database cover every area the extension keeps data in;
 * - on a database with something in every store: "Erase this customer" leaves nothing about the
 *   customer in any store and loses nothing of anyone else; "Erase everything" leaves every
 *   store empty but for a new sync salt and empty packs.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { countOutbox, listOutbox } from '../../../utils/db';
import type { CaselineDb } from '../../../utils/db';
import { ERASABLE_STORES, eraseCustomer, eraseEverything, STORE_ERASURE } from '../../../utils/db/erasure';
import { dataPlaces, type PlaceArea } from '../../../utils/extension/data-places';
import { STORAGE_KEYS } from '../../../utils/extension/storage-keys';
import { NO_CUSTOMER_BECAUSE, PLACE_HOLDS, STORAGE_KEY_HOLDS, STORE_HOLDS } from '../../../utils/extension/what-is-kept';
import { freshDb } from '../db/helpers';
import { fillEveryStore, storeText, tracesOf } from './filled-db';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

let db: CaselineDb;
afterEach(() => db?.close());

describe('the database', () => {
  it('has exactly the stores the erasure list names, and the indexes its rules use', async () => {
    ({ db } = await freshDb());
    expect([...db.objectStoreNames].sort()).toEqual([...ERASABLE_STORES].sort());
    for (const name of ERASABLE_STORES) {
      const rule = STORE_ERASURE[name].customer;
      if (rule.by === 'case-index' || rule.by === 'team-case-index') {
        expect([...db.transaction(name).store.indexNames], name).toContain('byCase');
      }
      if (rule.by === 'nothing') expect(NO_CUSTOMER_BECAUSE[name]?.length ?? 0, name).toBeGreaterThan(10);
      else expect(NO_CUSTOMER_BECAUSE[name], name).toBeUndefined();
      expect(STORE_HOLDS[name].length, name).toBeGreaterThan(10);
    }
  });
});

const SOURCE_DIRS = ['utils', 'entrypoints', 'components'];
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('browser storage', () => {
  const files = SOURCE_DIRS.flatMap(sourceFiles).map((path) => ({ path: relative('.', path), text: readFileSync(path, 'utf8') }));

  it('is written only under the keys STORAGE_KEYS names, and storage.sync is never used', () => {
    const registry = 'utils/extension/storage-keys.ts';
    const known = new Set(Object.values(STORAGE_KEYS).map((k) => k.key));
    expect(known.size).toBe(Object.keys(STORAGE_KEYS).length);
    for (const { path, text } of files) {
      expect(text, path).not.toMatch(/\b(browser|chrome)\.storage\.(sync|managed)\b/);
      // A key spelled out beside browser storage, anywhere but the registry, is a key the erasure lists may not know.
      if (path !== registry && /\b(browser|chrome)\.storage\./.test(text)) expect(text.match(/['"`]caseline\.[\w.-]+['"`]/g) ?? [], path).toEqual([]);
      const calls = [...text.matchAll(/storage\.(local|session)\.(get|set|remove)\(\s*([^)]*)/g)];
      for (const [call, area, , arg] of calls) {
        // The argument names a key constant taken from STORAGE_KEYS in this file, or is computed from one ({ [KEY]: … }).
        const constants = [...text.matchAll(/const (\w+) = STORAGE_KEYS\.(\w+)\.key/g)].filter(([, , entry]) => STORAGE_KEYS[entry as keyof typeof STORAGE_KEYS].area === area).map(([, name]) => name!);
        expect(constants.some((c) => arg!.includes(c)), `${path}: ${call}`).toBe(true);
      }
    }
  });

  it('the password lives in session storage only, where content scripts cannot read it', () => {
    expect(STORAGE_KEYS.syncSecret.area).toBe('session');
    for (const { path, text } of files.filter((f) => /entrypoints\/(mailbox-content|\w+\.content)\//.test(f.path))) {
      expect(text, path).not.toMatch(/storage\.session/);
      expect(text, path).not.toMatch(/syncSecret/);
    }
  });
});

describe('the places outside the database', () => {
  it('cover every area the extension keeps data in, each saying what it holds', () => {
    const noop = async () => undefined;
    const places = dataPlaces({ db: () => Promise.reject(new Error('unused')), forgetMemory: () => undefined, refreshBadge: noop, forgetTeamConnection: async () => ({ ok: true }), kickSync: noop, tellTabs: noop });
    const areas: PlaceArea[] = ['indexeddb', 'storage.local', 'storage.session', 'notifications', 'badge', 'memory', 'mailbox tabs', 'team server'];
    expect(new Set(places.map((p) => p.area))).toEqual(new Set(areas));
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
    // The team server goes first: it needs the settings the database still holds, and may refuse.
    expect(places[0]!.area).toBe('team server');
    for (const p of places) expect(PLACE_HOLDS[p.id].length, p.id).toBeGreaterThan(10);
    expect(Object.keys(PLACE_HOLDS).sort()).toEqual(places.map((p) => p.id).sort());
    // Every storage key is described where its area is.
    for (const [name, k] of Object.entries(STORAGE_KEYS)) {
      expect(STORAGE_KEY_HOLDS[name as keyof typeof STORAGE_KEYS].length, name).toBeGreaterThan(10);
      expect(PLACE_HOLDS[places.find((p) => p.area === `storage.${k.area}`)!.id]).toContain(k.key);
    }
  });
});

describe('erasing a customer', () => {
  it('leaves nothing about them in any store, and everything of everyone else', async () => {
    ({ db } = await freshDb());
    const { erased, kept } = await fillEveryStore(db);
    for (const name of ERASABLE_STORES) expect(await db.count(name), `${name} was filled`).toBeGreaterThan(0);
    // The customer is really in every store that can hold something about a case.
    for (const name of ['cases', 'events', 'outcomes', 'outbox', 'corrections', 'meta', 'team', 'digests', 'packs', 'ownership', 'notes', 'presence', 'threads'] as const) {
      const text = await storeText(db, name);
      expect(tracesOf(erased).some((t) => text.includes(t)), `${name} holds the customer before`).toBe(true);
    }
    const before = Object.fromEntries(await Promise.all(ERASABLE_STORES.map(async (n) => [n, await db.count(n)] as const)));

    // The dashboard's kept view counted the customer's cases (3 cases, 2 of them the customer's).
    expect((await db.get('views', 'local'))?.view.totalCases).toBe(3);

    const removed = await eraseCustomer(db, 'Dana.Erased@example.org ', { agentId: 'agent-ann', now: '2026-03-03T00:00:00.000Z', queueSync: false });
    // Every kept view goes: the figures it showed counted the customer.
    expect(await db.count('views')).toBe(0);
    expect(removed).toMatchObject({ cases: 2, outcomes: 2, caseIds: erased.caseIds });
    // The one thing kept on purpose: the erased conversations' thread keys (salted hashes, no
    // thread id) as tombstones, so a teammate's note or claim pulled later is dropped, not stored.
    const tombstones = JSON.stringify((await db.get('meta', 'erasedThreads'))?.value);
    expect(JSON.parse(tombstones)).toEqual(erased.threads);
    for (const name of ERASABLE_STORES) {
      const text = (await storeText(db, name)).replace(tombstones, '');
      for (const trace of tracesOf(erased)) expect(text.includes(trace), `${name} still holds "${trace}"`).toBe(false);
    }
    // Nothing of the other customer was lost.
    for (const name of ['cases', 'events', 'outcomes', 'corrections', 'meta', 'team', 'digests', 'packs', 'ownership', 'notes', 'presence', 'threads'] as const) {
      const text = await storeText(db, name);
      expect(tracesOf(kept).some((t) => text.includes(t)), `${name} lost the other customer`).toBe(true);
    }
    expect(await db.count('cases')).toBe(before.cases! - 2);
    expect(await db.count('templates')).toBe(before.templates);
    expect(await db.count('settings')).toBe(before.settings);
    expect(await db.count('counters')).toBe(before.counters);
    // The other agent's team records are not this install's to erase.
    expect(await storeText(db, 'team')).toContain('other-agent-case-key');
  });

  it('with sync on, the one thing left is the erasure request: case keys only, no address, no name', async () => {
    ({ db } = await freshDb());
    const { erased } = await fillEveryStore(db);
    await eraseCustomer(db, erased.email, { agentId: 'agent-ann', now: '2026-03-03T00:00:00.000Z', queueSync: true });
    const erasures = (await listOutbox(db)).filter((i) => i.kind === 'erasure');
    expect(erasures).toHaveLength(1);
    // With the conversations' thread keys: every teammate drops the notes and owners kept under them.
    expect(erasures[0]!.doc).toEqual({ kind: 'erasure', caseKeys: erased.caseKeys, threads: erased.threads, at: '2026-03-03T00:00:00.000Z', agentId: 'agent-ann' });
    // Those thread keys are remembered as erased (a teammate's copy pulled later is dropped), and
    // are otherwise nowhere.
    const remembered = JSON.stringify((await db.get('meta', 'erasedThreads'))?.value);
    expect(JSON.parse(remembered)).toEqual(erased.threads);
    for (const name of ERASABLE_STORES) {
      const text = (await storeText(db, name)).replace(JSON.stringify(erasures[0]), '').replace(remembered, '');
      for (const trace of tracesOf(erased)) expect(text.includes(trace), `${name} still holds "${trace}"`).toBe(false);
    }
  });
});

describe('erasing everything', () => {
  it('empties every store; a new sync salt and empty packs are all that is left', async () => {
    ({ db } = await freshDb());
    await fillEveryStore(db);
    const salt = (await db.get('meta', 'syncSalt'))!.value;
    await eraseEverything(db);
    for (const name of ERASABLE_STORES) {
      if (name === 'meta') expect((await db.getAll('meta')).map((r) => r.key)).toEqual(['syncSalt']);
      else if (name === 'packs') expect((await db.getAll('packs')).map((p) => [p.source, p.rows.count])).toEqual([['local', 0], ['team', 0]]);
      else expect(await db.count(name), name).toBe(0);
    }
    expect((await db.get('meta', 'syncSalt'))!.value).not.toBe(salt);
    expect(await countOutbox(db)).toBe(0);
  });
});
