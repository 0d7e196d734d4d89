/**
 * Dates as mail pages print them ("Wed, Aug 20, 2025, 3:14 PM", "20 Aug 2025, 13:19",
 * "Mi 20.08.2025 15:14", "2025年8月20日 下午3:30") turned into ISO instants. The page prints the
 * viewer's local wall time, so the text is read as wall time in `timeZone` (default: the runtime's).
 * Month names are recognised in many languages, so the interface language does not matter.
 */

export interface DateReadingOptions {
  /** IANA zone the page prints its times in; default: the runtime's zone. */
  timeZone?: string;
  /** BCP 47 language of the page (e.g. document.documentElement.lang): decides 8/5/2025 vs 5.8.2025. */
  locale?: string;
  /** Reference for texts without a date ("15:14": today) or without a year ("Aug 20"). */
  now?: Date;
}

const MONTH_LOCALES = ['en', 'en-GB', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'da', 'nb', 'fi', 'pl', 'cs', 'tr', 'ru', 'hu', 'ro'];
const PM = /(?:\bp\.?\s?m\b\.?|下午|午後|오후)/i;
const AM = /(?:\ba\.?\s?m\b\.?|上午|午前|오전)/i;

interface NameTable {
  months: Map<string, number>;
  weekdays: Set<string>;
}

const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const ENGLISH_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const tables = new Map<string, NameTable>([
  [
    'en',
    {
      // Built without Intl: English is the common case and needs no locale data.
      months: new Map([
        ...ENGLISH_MONTHS.map((name, i): [string, number] => [name, i + 1]),
        ...ENGLISH_MONTHS.map((name, i): [string, number] => [name.slice(0, 3), i + 1]),
        ['sept', 9],
      ]),
      weekdays: new Set([...ENGLISH_DAYS, ...ENGLISH_DAYS.map((d) => d.slice(0, 3))]),
    },
  ],
]);

/** Month and weekday names of some languages (long, short, and the form used inside a date). */
function namesOf(locales: readonly string[]): NameTable {
  const key = locales.join(',');
  let table = tables.get(key);
  if (table) return table;
  table = { months: new Map(), weekdays: new Set() };
  for (const locale of locales) {
    for (const style of ['long', 'short'] as const) {
      const monthFormat = new Intl.DateTimeFormat(locale, { month: style, timeZone: 'UTC' });
      const inDateFormat = new Intl.DateTimeFormat(locale, { month: style, day: 'numeric', timeZone: 'UTC' });
      const dayFormat = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' });
      for (let m = 0; m < 12; m += 1) {
        const instant = Date.UTC(2021, m, 15);
        const name = normaliseWord(monthFormat.format(instant));
        if (name.length >= 3 && !table.months.has(name)) table.months.set(name, m + 1);
        // The form inside a full date can differ ("20 августа").
        const inDate = inDateFormat.formatToParts(instant).find((p) => p.type === 'month');
        const word = inDate ? normaliseWord(inDate.value) : '';
        if (word.length >= 3 && !/^\d+$/.test(word) && !table.months.has(word)) table.months.set(word, m + 1);
      }
      for (let d = 0; d < 7; d += 1) table.weekdays.add(normaliseWord(dayFormat.format(Date.UTC(2021, 0, 3 + d))));
    }
  }
  tables.set(key, table);
  return table;
}

function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/\./g, '').trim();
}

function monthOf(word: string, months: Map<string, number>): number | undefined {
  const exact = months.get(word);
  if (exact !== undefined) return exact;
  if (word.length < 3) return undefined;
  for (const [name, month] of months) {
    if (name.startsWith(word) || (word.startsWith(name) && name.length >= 3)) return month;
  }
  return undefined;
}

/** The month named in the words: a weekday-like name (Spanish "mar") only when nothing else names one. */
function findMonth(words: string[], table: NameTable): number | undefined {
  let ambiguous: number | undefined;
  for (const word of words) {
    const m = monthOf(word, table.months);
    if (m === undefined) continue;
    if (!table.weekdays.has(word)) return m;
    ambiguous ??= m;
  }
  return ambiguous;
}

interface Parts { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** ISO instant of a date text printed by a mail page, or undefined when it cannot be read. */
export function parseMailDate(text: string | null | undefined, options: DateReadingOptions = {}): string | undefined {
  if (!text) return undefined;
  // Pages are read again after every change and print the same dates: remember recent answers.
  const key = `${text}\u0000${options.timeZone ?? ''}\u0000${options.locale ?? ''}\u0000${options.now?.getTime() ?? ''}`;
  if (parsedDates.has(key)) return parsedDates.get(key);
  const parsed = parseUncached(text, options);
  if (parsedDates.size >= 2000) parsedDates.clear();
  parsedDates.set(key, parsed);
  return parsed;
}

const parsedDates = new Map<string, string | undefined>();

function parseUncached(text: string, options: DateReadingOptions): string | undefined {
  const zone = (): string => options.timeZone ?? defaultTimeZone();
  let rest = text.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/\([^)]*\)/g, ' ').trim();
  if (!rest) return undefined;

  let hour = 0;
  let minute = 0;
  let second = 0;
  let hasTime = false;
  const time = /(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(rest);
  if (time) {
    hasTime = true;
    hour = Number(time[1]);
    minute = Number(time[2]);
    second = time[3] ? Number(time[3]) : 0;
    const around = rest.slice(Math.max(0, time.index - 4), time.index + time[0].length + 6);
    if (PM.test(around) && hour < 12) hour += 12;
    else if (AM.test(around) && hour === 12) hour = 0;
    rest = `${rest.slice(0, time.index)} ${rest.slice(time.index + time[0].length)}`;
    rest = rest.replace(PM, ' ').replace(AM, ' ');
  }

  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;

  const cjk = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(rest);
  const iso = /(\d{4})-(\d{1,2})-(\d{1,2})/.exec(rest);
  const numeric = /(\d{1,4})\s*[./-]\s*(\d{1,2})\s*[./-]\s*(\d{2,4})/.exec(rest);
  if (cjk) {
    [year, month, day] = [Number(cjk[1]), Number(cjk[2]), Number(cjk[3])];
  } else if (iso) {
    [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    const c = Number(numeric[3]);
    if (numeric[1]!.length === 4) [year, month, day] = [a, b, c];
    else {
      year = c < 100 ? 2000 + c : c;
      const monthFirst = a <= 12 && (b > 12 || isMonthFirstLocale(options.locale));
      [month, day] = monthFirst ? [a, b] : [b, a];
    }
  } else {
    const words = (rest.toLowerCase().match(/[\p{L}.]+/gu) ?? []).map(normaliseWord).filter(Boolean);
    // The page's language and English first (cheap); every known language only when they find no month.
    const language = options.locale?.split('-')[0]?.toLowerCase();
    const preferred = language && language !== 'en' ? [language, 'en'] : ['en'];
    const found = findMonth(words, namesOf(preferred)) ?? findMonth(words, namesOf(MONTH_LOCALES));
    month = found;
    const numbers = (rest.match(/\d+/g) ?? []).map((n) => ({ n: Number(n), digits: n.length }));
    const y = numbers.find((x) => x.digits === 4);
    if (y) year = y.n;
    const d = numbers.find((x) => x.digits <= 2 && x.n >= 1 && x.n <= 31);
    if (d) day = d.n;
  }

  // A date without a time of day is too coarse for deadlines: leave it unread.
  if (!hasTime) return undefined;
  const now = options.now;
  if (month === undefined || day === undefined) {
    if (!now || month !== undefined || day !== undefined) return undefined;
    const today = wallParts(now.getTime(), zone());
    [year, month, day] = [today.year, today.month, today.day];
  }
  if (year === undefined) {
    if (!now) return undefined;
    const today = wallParts(now.getTime(), zone());
    year = today.year;
    if (month > today.month || (month === today.month && day > today.day)) year -= 1;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const instant =
    options.timeZone === undefined
      ? new Date(year, month - 1, day, hour, minute, second).getTime()
      : wallTimeToInstant({ year, month, day, hour, minute, second }, options.timeZone);
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}

function isMonthFirstLocale(locale: string | undefined): boolean {
  if (!locale) return true;
  return /^en(-(us|ph|ca|um|as|gu|pr|vi|mp))?$/i.test(locale.trim());
}

let runtimeZone: string | undefined;
function defaultTimeZone(): string {
  runtimeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return runtimeZone;
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();
function wallParts(utcMs: number, timeZone: string): Parts {
  let format = wallFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const p of format.formatToParts(utcMs)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const offsets = new Map<string, number>();
const QUARTER_HOUR = 15 * 60_000;

/** The zone's UTC offset at an instant (ms). Offsets change only on quarter hours: one Intl call per zone and quarter hour. */
function offsetAt(utcMs: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(utcMs / QUARTER_HOUR)}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const p = wallParts(utcMs, timeZone);
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(utcMs / 1000) * 1000;
  if (offsets.size >= 4000) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

/** The instant (ms) at which the wall clock in `timeZone` shows the given parts. */
export function wallTimeToInstant(parts: Parts, timeZone: string): number {
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const first = offsetAt(wall, timeZone);
  let instant = wall - first;
  const second = offsetAt(instant, timeZone);
  if (second !== first) instant = wall - second;
  return instant;
}
