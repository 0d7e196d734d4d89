/**
 * Templates: how long rendering and palette search take. Figures are medians of batched runs.
 * Insertion as a whole must stay ≤ 30 ms (issue 8); rendering is a small part of it.
 */
import { DEFAULT_TEMPLATES, fillableFrom, fuzzySearch, renderTemplate, warmFuzzySearch } from '../../utils/templates';
import type { Template, TemplateContext } from '../../utils/templates';
import type { Bench, BenchResult } from './types';

const context: TemplateContext = {
  language: 'en',
  timeZone: 'Europe/Madrid',
  now: '2025-11-26T09:30:00Z',
  customer: { name: 'Jane Doe', email: 'jane@example.com' },
  agent: { name: 'Sam Lee' },
  company: { name: 'Acme Care' },
  case: { reference: 'CL-2025-0042', subject: 'Late delivery', category: 'complaint' },
  sla: { respondBy: '2025-11-27T11:00:00Z', resolveBy: '2025-11-28T16:00:00Z', escalationUpdateBy: '2025-11-27T08:00:00Z' },
  escalation: { contact: 'Maria Lopez' },
};

/** Median time per call in microseconds: `samples` batches of `batch` calls each. */
function medianMicros(fn: (i: number) => unknown, samples: number, batch: number): number {
  let n = 0;
  for (; n < batch * 5; n++) fn(n); // warm-up; samples continue the index, so `fn` may use it for fresh input
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let b = 0; b < batch; b++) fn(n++);
    times.push(((performance.now() - start) * 1000) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/** 500 approved templates: the library repeated with distinct names and shortcuts. */
function fiveHundred(): Template[] {
  const words = ['refund', 'delivery', 'invoice', 'password', 'account', 'warranty', 'booking', 'billing', 'outage', 'upgrade'];
  const out: Template[] = [];
  for (let i = 0; out.length < 500; i++) {
    const base = DEFAULT_TEMPLATES[i % DEFAULT_TEMPLATES.length]!;
    out.push({ ...base, id: `${base.id}-${i}`, name: `${base.name} – ${words[i % words.length]} ${Math.floor(i / words.length)}`, shortcut: `${base.shortcut ?? 't'}${i}` });
  }
  return out;
}

export default (async () => {
  const results: BenchResult[] = [];
  const apology = DEFAULT_TEMPLATES.find((t) => t.id === 'default-complaint-apology-en')!;
  const values = fillableFrom(context);

  const render = medianMicros(() => renderTemplate(apology, values), 301, 200);
  results.push({ name: 'templates: renderTemplate (complaint apology, warm)', value: render, unit: 'µs', target: '≤ 1000 µs', ok: render <= 1000 });

  const renderCold = medianMicros((i) => renderTemplate({ body: `${apology.body}\n\n#${i}` }, values), 301, 50);
  results.push({ name: 'templates: renderTemplate incl. parse (new body)', value: renderCold, unit: 'µs', target: '≤ 1000 µs', ok: renderCold <= 1000 });

  const fillAndRender = medianMicros(() => renderTemplate(apology, fillableFrom(context)), 301, 50);
  results.push({ name: 'templates: fillableFrom + renderTemplate', value: fillAndRender, unit: 'µs', target: '≤ 1000 µs', ok: fillAndRender <= 1000 });

  const library = fiveHundred();
  const typed = ['c', 'co', 'com', 'comp', 'compl', 'comp ap', 'comp apol', 'esc', 'refund 4', 'sat', 'ticket', 'xyzq'];
  const search = medianMicros((i) => fuzzySearch(library, typed[i % typed.length]!), 301, 12) / 1000;
  results.push({ name: 'templates: fuzzySearch, 500 templates (per keystroke)', value: search, unit: 'ms', target: '≤ 4 ms', ok: search <= 4 });

  const fresh = Array.from({ length: 40 }, fiveHundred);
  const searchCold = medianMicros((i) => fuzzySearch(fresh[i]!, 'comp apol'), 31, 1) / 1000;
  results.push({ name: 'templates: fuzzySearch, 500 new templates (first keystroke, not warmed)', value: searchCold, unit: 'ms', target: '≤ 16 ms', ok: searchCold <= 16 });
  const toWarm = Array.from({ length: 40 }, fiveHundred);
  const warmUp = medianMicros((i) => warmFuzzySearch(toWarm[i]!), 31, 1) / 1000;
  results.push({ name: 'templates: warmFuzzySearch, 500 new templates (idle time)', value: warmUp, unit: 'ms' });
  return results;
}) satisfies Bench;
