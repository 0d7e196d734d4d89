/**
 * A copy of the built extension whose manifest grants the loopback test server (http://127.0.0.1/*)
 * up front: granting an optional host permission takes a person's click in the browser's prompt.
 * Everything else is the build as shipped. Used by the team sync e2e test and bench.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import type { SyncStatus } from '../../../utils/messages';
import type { CaselineSettings } from '../../../utils/settings/settings';
import { sendFromPage } from './extension-pages';
import { EXTENSION_DIR } from './launch-browser';

export function extensionWithServerAccess(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseline-ext-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions = [...manifest.host_permissions, 'http://127.0.0.1/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/** Signs an install in to the team server as `user` (with `role` in its settings), from one of its pages. */
export async function joinTeam(page: Page, server: { url: string; db: string }, user: { name: string; password: string; role: 'agent' | 'lead' }): Promise<SyncStatus> {
  const current = await sendFromPage<CaselineSettings>(page, 'getSettings', {});
  if (!current.ok) throw new Error(current.error);
  const saved = await sendFromPage<CaselineSettings>(page, 'saveSettings', { settings: { ...current.value, onboarded: true, role: user.role, agent: { ...current.value.agent, name: user.name.toUpperCase() } } });
  if (!saved.ok) throw new Error(saved.error);
  const connected = await sendFromPage<SyncStatus>(page, 'syncConnect', { url: server.url, db: server.db, user: user.name, password: user.password });
  if (!connected.ok) throw new Error(connected.error);
  return connected.value;
}
