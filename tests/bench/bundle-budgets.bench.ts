/**
 * Sizes of what the built extension (.output/chrome-mv3) parses before it can answer: the
 * background service worker's script (evaluated again on every wake) and each extension page's
 * scripts (its entry and the chunks it preloads); and the data it loads on demand instead (the
 * holidays of one country, the classifier's data). Raw bytes: what is decoded and parsed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../e2e/support/launch-browser';
import type { Bench, BenchResult } from './types';

const KB = 1024;

/** The scripts an extension page loads before it runs: its module entry and the chunks it preloads. */
export function pageScripts(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  const found = [...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"|<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)];
  return found.map((m) => (m[1] ?? m[2] ?? '').replace(/^\//, ''));
}

const size = (dir: string, file: string) => statSync(join(dir, file)).size;

export default (async () => {
  const dir = EXTENSION_DIR;
  const results: BenchResult[] = [];
  const bytes = size(dir, 'background.js');
  const background = bytes / KB;
  results.push({
    name: `background.js (service worker, evaluated on every wake): raw, ${bytes.toLocaleString('en')} bytes (1 KB = 1,024 bytes)`,
    value: background,
    unit: 'KB',
    target: '≤ 250 KB',
    ok: background <= 250,
  });
  for (const page of ['options.html', 'onboarding.html', 'dashboard.html', 'practice.html']) {
    const total = pageScripts(dir, page).reduce((sum, file) => sum + size(dir, file), 0) / KB;
    const isOptions = page === 'options.html';
    results.push({
      name: `${page.replace('.html', '')} page: scripts loaded on open (entry and preloaded chunks), raw`,
      value: total,
      unit: 'KB',
      ...(isOptions ? { target: '≤ 150 KB', ok: total <= 150 } : {}),
    });
  }
  const holidayFiles = readdirSync(join(dir, 'holidays')).map((f) => size(join(dir, 'holidays'), f));
  results.push({ name: `public holidays, loaded per country on demand: largest of ${holidayFiles.length} files`, value: Math.max(...holidayFiles) / KB, unit: 'KB' });
  results.push({ name: 'public holidays: all countries together (shipped, never all loaded)', value: holidayFiles.reduce((a, b) => a + b, 0) / KB, unit: 'KB' });
  results.push({ name: 'classifier data (model, sentiment and escalation lexicons), loaded by the background on its first classification', value: size(dir, 'classifier/data.json') / KB, unit: 'KB' });
  results.push({ name: 'default templates, read by the background when it first seeds a database', value: size(dir, 'templates/defaults.json') / KB, unit: 'KB' });
  results.push({ name: 'a fresh install’s SLA preset, read by the background when it finds no settings', value: size(dir, 'sla/default-preset.json') / KB, unit: 'KB' });
  results.push({ name: 'index of holiday countries and regions (codes), read by the background while its database opens', value: size(dir, 'calendar/holiday-codes.json') / KB, unit: 'KB' });
  return results;
}) satisfies Bench;
