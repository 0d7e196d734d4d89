/**
 * ISO 8601 instants ('2026-11-30T09:00:00.000Z') without Date: the engine's hot paths format and
 * read thousands of them, and Date's own methods are far slower on some hosts.
 */
import { MS_PER_DAY, civilFromDays, daysFromCivil } from './civil-date';

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : `${n}`);

/** 'HH:MM:' for each minute of a day, ':SS'-less seconds 'SS.' and milliseconds 'sssZ', built once. */
let clockTable: { minutes: string[]; seconds: string[]; millis: string[] } | undefined;
function clockParts() {
  if (clockTable === undefined) {
    clockTable = {
      minutes: Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}:`),
      seconds: Array.from({ length: 60 }, (_, sec) => `${pad2(sec)}.`),
      millis: Array.from({ length: 1000 }, (_, ms) => `${pad3(ms)}Z`),
    };
  }
  return clockTable;
}

/** 'YYYY-MM-DDT' of recent day numbers (a small cache: instants cluster on few days). */
const dayPrefixes = new Map<number, string>();

function dayPrefix(days: number): string | undefined {
  let prefix = dayPrefixes.get(days);
  if (prefix === undefined) {
    const { year, month, day } = civilFromDays(days);
    if (year < 0 || year > 9999) return undefined;
    prefix = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}T`;
    if (dayPrefixes.size >= 4096) dayPrefixes.clear();
    dayPrefixes.set(days, prefix);
  }
  return prefix;
}

/** The same text as `new Date(ms).toISOString()`. */
export function formatIsoInstant(ms: number): string {
  const t = Math.floor(ms);
  const days = Math.floor(t / MS_PER_DAY);
  const prefix = Number.isFinite(days) ? dayPrefix(days) : undefined;
  if (prefix === undefined) return new Date(t).toISOString();
  const rest = t - days * MS_PER_DAY;
  const minute = Math.floor(rest / 60_000);
  const secondsAndMillis = rest - minute * 60_000;
  const second = Math.floor(secondsAndMillis / 1000);
  const table = clockParts();
  return prefix + (table.minutes[minute] as string) + (table.seconds[second] as string) + (table.millis[secondsAndMillis - second * 1000] as string);
}

/** Digits at [from, from + count) of text as a number, or -1 when one is not a digit. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Epoch ms of an ISO instant. The UTC forms 'YYYY-MM-DDTHH:MM:SS.sssZ' (seconds and fraction
 * optional) are read directly; anything else goes to Date.parse.
 */
export function parseIsoInstant(text: string): number {
  const n = text.length;
  if (n < 17 || text.charCodeAt(n - 1) !== 90 /* Z */ || text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':') return Date.parse(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  let seconds = 0;
  let millis = 0;
  if (n > 17) {
    if (text[16] !== ':' || n < 20) return Date.parse(text);
    seconds = digits(text, 17, 2);
    if (n > 20) {
      const places = n - 21;
      if (text[19] !== '.' || places < 1 || places > 3) return Date.parse(text);
      millis = digits(text, 20, places);
      if (millis >= 0) millis *= places === 1 ? 100 : places === 2 ? 10 : 1;
    }
  }
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 59 || millis < 0) {
    return Date.parse(text);
  }
  return daysFromCivil(year, month, day) * MS_PER_DAY + hours * 3_600_000 + minutes * 60_000 + seconds * 1000 + millis;
}
