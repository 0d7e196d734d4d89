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
  content_security_policy?: { extension_pages?: string };
}
const read = (dir: string) => JSON.parse(readFileSync(`.output/${dir}/manifest.json`, 'utf8')) as Manifest;

/** The CSP as directive → sources. */
function directives(csp: string | undefined): Map<string, string[]> {
  return new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((p) => p[0]).map(([name, ...sources]) => [name!, sources]));
}

/**
 * The extension pages' CSP (the background included): only the extension's scripts, no eval or
 * inline script, no plugins, no framing, no form posts, and connections no wider than the hosts
 * the extension may be granted (the optional team server permission: https, loopback http).
 */
function expectStrictPolicy(m: Manifest) {
  const d = directives(m.content_security_policy?.extension_pages);
  expect(d.get('default-src')).toEqual(["'none'"]);
  expect(d.get('script-src')).toEqual(["'self'"]);
  expect(d.get('object-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  expect(d.get('form-action')).toEqual(["'none'"]);
  expect(d.get('frame-ancestors')).toEqual(["'none'"]);
  for (const [name, sources] of d) {
    expect(sources, name).not.toContain("'unsafe-eval'");
    expect(sources, name).not.toContain("'unsafe-inline'");
    expect(sources, name).not.toContain("'wasm-unsafe-eval'");
    expect(sources, name).not.toContain('*');
    expect(sources, name).not.toContain('http:');
  }
  // connect-src: each source is the extension itself or one the optional host permissions cover.
  const connect = d.get('connect-src') ?? [];
  expect(connect).toContain("'self'");
  const covered = (source: string) =>
    source === "'self'" ||
    (source === 'https:' && m.optional_host_permissions!.includes('https://*/*')) ||
    m.optional_host_permissions!.some((p) => p.replace(/\/\*$/, '') === source.replace(/:\*$/, ''));
  for (const source of connect) expect(covered(source), `connect-src ${source}`).toBe(true);
}

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
    expectStrictPolicy(m);
  });

  it('Firefox builds with a gecko id and a data collection declaration', () => {
    // `npm run test:e2e` builds both; the Firefox build is the one tests/e2e/core-path.test.ts runs.
    const m = read('firefox-mv3');
    expect(m.browser_specific_settings?.gecko?.id).toBe('caseline@caseline.app');
    expect(m.browser_specific_settings?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.host_permissions).toEqual(HOSTS);
    expectStrictPolicy(m);
    // The same policy in both browsers.
    expect(m.content_security_policy).toEqual(read('chrome-mv3').content_security_policy);
  });
});
