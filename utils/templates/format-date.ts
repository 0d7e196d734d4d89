/**
 * Dates as they read inside a reply: "Friday 28 November, 17:00" / "viernes 28 de noviembre, 17:00",
 * in the agent's time zone. Formatters are built once per (zone, locale): Intl construction is slow.
 */

type Shape = 'due' | 'day';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(shape: Shape, timeZone: string, locale: string): Intl.DateTimeFormat {
  const key = `${shape}|${timeZone}|${locale}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, shape === 'due'
      ? { timeZone, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
    formatters.set(key, f);
  }
  return f;
}

function toDate(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a valid instant: ${JSON.stringify(iso)}`);
  return d;
}

function partsOf(f: Intl.DateTimeFormat, d: Date): Partial<Record<Intl.DateTimeFormatPartTypes, string>> {
  const out: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const p of f.formatToParts(d)) if (p.type !== 'literal') out[p.type] = p.value;
  return out;
}

function languageOf(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? '').toLowerCase();
}

/**
 * A deadline in words with its time: `formatDue('2025-11-28T17:00:00Z', 'Europe/London', 'en')`
 * → "Friday 28 November, 17:00". Spanish: "viernes 28 de noviembre, 17:00". Other locales get
 * Intl's own wording. Throws RangeError for an invalid instant or time zone.
 */
export function formatDue(iso: string, timeZone: string, locale: string): string {
  const d = toDate(iso);
  const f = formatterFor('due', timeZone, locale);
  const p = partsOf(f, d);
  const lang = languageOf(locale);
  if (lang === 'en') return `${p.weekday} ${p.day} ${p.month}, ${p.hour}:${p.minute}`;
  if (lang === 'es') return `${p.weekday} ${p.day} de ${p.month}, ${p.hour}:${p.minute}`;
  return f.format(d);
}

/** A calendar day in words: "Friday 28 November 2025" / "viernes 28 de noviembre de 2025". */
export function formatDay(iso: string, timeZone: string, locale: string): string {
  const d = toDate(iso);
  const f = formatterFor('day', timeZone, locale);
  const p = partsOf(f, d);
  const lang = languageOf(locale);
  if (lang === 'en') return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
  if (lang === 'es') return `${p.weekday} ${p.day} de ${p.month} de ${p.year}`;
  return f.format(d);
}
