/**
 * UTC offsets of IANA zones, read from Intl.DateTimeFormat once per zone and per stretch of
 * time, then answered from a cache of transitions (no Intl call per question).
 */
import { MS_PER_DAY, daysFromCivil } from './civil-date';

const MS_PER_WEEK = 7 * MS_PER_DAY;
/** Offsets are sampled weekly; a block of 8 samples is cached at a time. */
const SAMPLES_PER_BLOCK = 8;
const BLOCK_MS = SAMPLES_PER_BLOCK * MS_PER_WEEK;
/** Before this, every zone keeps its oldest (local mean time) offset. */
const EARLIEST = daysFromCivil(1800, 1, 1) * MS_PER_DAY;
/** After this, offsets repeat with the 400-year Gregorian cycle (zones keep their last rules). */
const LATEST = daysFromCivil(9600, 1, 1) * MS_PER_DAY;
const GREGORIAN_CYCLE_MS = 146_097 * MS_PER_DAY;

interface OffsetBlock {
  /** Offset at the start of the block, in ms (local = utc + offset). */
  first: number;
  /** Transitions inside the block: instants and the offset from then on, in order. */
  at: number[];
  offset: number[];
}

/** The offsets of one zone. */
export class ZoneOffsets {
  private readonly format: Intl.DateTimeFormat;
  private readonly blocks = new Map<number, OffsetBlock>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** Offset in ms at the instant `utc` (ms since the epoch): local wall time = utc + offset. */
  offsetAt(utc: number): number {
    let t = utc;
    if (t < EARLIEST) t = EARLIEST;
    else if (t >= LATEST) t -= Math.ceil((t - LATEST + 1) / GREGORIAN_CYCLE_MS) * GREGORIAN_CYCLE_MS;
    const key = Math.floor(t / BLOCK_MS);
    let block = this.blocks.get(key);
    if (block === undefined) {
      block = this.readBlock(key * BLOCK_MS);
      this.blocks.set(key, block);
    }
    let offset = block.first;
    for (let i = 0; i < block.at.length; i++) {
      if (t >= (block.at[i] as number)) offset = block.offset[i] as number;
      else break;
    }
    return offset;
  }

  /**
   * The offset when it stays the same through [from, to] (instants), otherwise undefined.
   */
  steadyOffset(from: number, to: number): number | undefined {
    if (from < EARLIEST || to >= LATEST) return undefined;
    const offset = this.offsetAt(from);
    const firstKey = Math.floor(from / BLOCK_MS);
    const lastKey = Math.floor(to / BLOCK_MS);
    for (let key = firstKey; key <= lastKey; key++) {
      this.offsetAt(Math.max(from, key * BLOCK_MS));
      const block = this.blocks.get(key) as OffsetBlock;
      if (key > firstKey && block.first !== offset) return undefined;
      for (const at of block.at) if (at > from && at <= to) return undefined;
    }
    return offset;
  }

  /**
   * The instant of a local wall time (ms since the epoch as if the zone were UTC). A local time
   * that happens twice is its first occurrence; one that does not exist moves forward by the gap.
   */
  instantOf(local: number): number {
    const before = this.offsetAt(local - MS_PER_DAY);
    const after = this.offsetAt(local + MS_PER_DAY);
    if (before === after) return local - before;
    const early = local - before;
    const late = local - after;
    const earlyExists = this.offsetAt(early) === before;
    const lateExists = this.offsetAt(late) === after;
    if (earlyExists && lateExists) return Math.min(early, late);
    if (lateExists) return late;
    return early;
  }

  /** Local wall time (ms, as if UTC) of an instant. */
  localOf(utc: number): number {
    return utc + this.offsetAt(utc);
  }

  private readBlock(start: number): OffsetBlock {
    const at: number[] = [];
    const offset: number[] = [];
    const first = this.readOffset(start);
    let previous = first;
    let previousT = start;
    for (let i = 1; i <= SAMPLES_PER_BLOCK; i++) {
      const t = start + i * MS_PER_WEEK;
      const current = this.readOffset(t);
      if (current !== previous) {
        // Bisect to the second at which the offset changed.
        let lo = previousT;
        let hi = t;
        // Transitions fall on quarter hours in practice: bisect to those, then check the second before.
        const quarter = 900_000;
        while (hi - lo > quarter && (hi - start) % quarter === 0) {
          const mid = lo + Math.floor((hi - lo) / 2 / quarter) * quarter;
          if (mid <= lo) break;
          if (this.readOffset(mid) === previous) lo = mid;
          else hi = mid;
        }
        if (this.readOffset(hi - 1000) !== previous) {
          while (hi - lo > 1000) {
            const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
            if (this.readOffset(mid) === previous) lo = mid;
            else hi = mid;
          }
        }
        if (hi < start + BLOCK_MS) {
          at.push(hi);
          offset.push(current);
        }
      }
      previous = current;
      previousT = t;
    }
    return { first, at, offset };
  }

  /** One Intl call: the offset at an instant, to the second ("12/31/2025 AD, 23:59:59"). */
  private readOffset(utc: number): number {
    const t = Math.floor(utc / 1000) * 1000;
    const text = this.format.format(t);
    const n = text.match(/\d+/g);
    if (n === null || n.length < 6) return 0;
    let year = Number(n[2]);
    if (/B/.test(text)) year = 1 - year;
    const local =
      daysFromCivil(year, Number(n[0]), Number(n[1])) * MS_PER_DAY +
      (Number(n[3]) % 24) * 3_600_000 +
      Number(n[4]) * 60_000 +
      Number(n[5]) * 1000;
    return local - t;
  }
}

const zones = new Map<string, ZoneOffsets>();

/** The cached offsets of a zone; throws RangeError for a zone Intl does not know. */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let zone = zones.get(timeZone);
  if (zone === undefined) {
    zone = new ZoneOffsets(timeZone);
    zones.set(timeZone, zone);
  }
  return zone;
}

const knownZones = new Set<string>();

/** Whether Intl knows the zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    knownZones.add(timeZone);
    return true;
  } catch {
    return false;
  }
}
