/**
 * `npm run bench`: runs every tests/bench/*.bench.ts (each default-exports a Bench), prints one
 * table and writes bench/results.json as [{ name, value, unit }]. Figures are reported, never
 * asserted: goals are printed beside them.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from '../tests/bench/types';
// What the extension loads from its package (holidays, classifier data, default templates and
// preset), read from disk as the tests do.
import '../tests/support/node-test-setup';

const dir = resolve('tests/bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  const started = performance.now();
  process.stdout.write(`running ${file} … `);
  // eslint-disable-next-line no-unsanitized/method -- our own bench files, listed from tests/bench
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Bench };
  const rows = await mod.default();
  results.push(...rows);
  process.stdout.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));
const table = results.map((r) => ({
  name: r.name,
  value: `${fmt(r.value)} ${r.unit}`,
  target: r.target ?? '',
  met: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO',
}));
const widths = (['name', 'value', 'target', 'met'] as const).map((k) => Math.max(k.length, ...table.map((t) => t[k].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log();
console.log(line(['name', 'value', 'target', 'met']));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const t of table) console.log(line([t.name, t.value, t.target, t.met]));
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify(results.map(({ name, value, unit }) => ({ name, value, unit })), null, 2) + '\n');
console.log('\nwrote bench/results.json');
