import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.cloud.microsoft/*',
];

interface Manifest {
  manifest_version: number;
  host_permissions?: string[];
  optional_host_permissions?: string[];
  permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: unknown } };
  key?: string;
}
const read = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Manifest;

describe('manifests', () => {
  it('Chrome MV3 asks for the five mailbox hosts only, with the team server optional', () => {
    const m = read('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.host_permissions).toEqual(HOSTS);
    const matched = new Set(m.content_scripts?.flatMap((c) => c.matches));
    expect([...matched].sort()).toEqual([...HOSTS].sort());
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*']);
    expect(m.permissions).not.toContain('tabs');
    expect(m.permissions).not.toContain('<all_urls>');
    expect(m.key).toBeTruthy();
  });

  it('Firefox builds with a gecko id and a data collection declaration', () => {
    // `npm run test:e2e` builds both; the Firefox build is the one tests/e2e/core-path.test.ts runs.
    const m = read('firefox-mv3');
    expect(m.browser_specific_settings?.gecko?.id).toBe('caseline@caseline.app');
    expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.host_permissions).toEqual(HOSTS);
  });
});
