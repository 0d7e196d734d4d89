/**
 * Every case the dashboard reads, packed into a few typed arrays and two strings: one record
 * that IndexedDB stores and reads back as whole buffers, instead of tens of thousands of small
 * objects (reading 20,000 digests one object each takes over a second in Chromium; the pack,
 * a few milliseconds). Pure: packRows and unpackRows are each other's inverse.
 */
import type { Category } from '../cases/events';
import { CATEGORIES } from '../cases/events';
import type { SlaTargetState } from './dashboard';
import type { SlaSnapshot } from './sla-snapshot';

/** One case as the dashboard reads it. */
export interface DashboardRow {
  caseId: string;
  agentId: string;
  category?: Category | undefined;
  marks: ArrayLike<number>;
  /** Its SLA states at one moment (see sla-snapshot.ts), when evaluated. */
  sla?: SlaSnapshot | undefined;
}

export interface PackedRows {
  count: number;
  /** Case ids, then agent ids, joined by SEPARATOR. */
  caseIds: string;
  agentIds: string;
  /** 0: none; else 1 + index in CATEGORIES. */
  categories: Uint8Array;
  /** Row i's marks are marks[markEnds[i-1] ?? 0 .. markEnds[i]). */
  markEnds: Uint32Array;
  marks: Float64Array;
  /** NaN: not evaluated. */
  slaAt: Float64Array;
  /** NaN: no event after slaAt. */
  slaUntil: Float64Array;
  /** Row i's targets are targets[slaEnds[i-1] ?? 0 .. slaEnds[i]). */
  slaEnds: Uint32Array;
  /** Index in the names list. */
  slaTarget: Uint8Array;
  slaTargetNames: string[];
  /** Index in STATES. */
  slaState: Uint8Array;
  /** NaN: none. */
  slaBreachAt: Float64Array;
}

const SEPARATOR = '\u0000';
const STATES: readonly SlaTargetState[] = ['not_started', 'running', 'due_soon', 'paused', 'met', 'breached'];

export function packRows(rows: readonly DashboardRow[]): PackedRows {
  const n = rows.length;
  let markCount = 0;
  let targetCount = 0;
  for (const r of rows) {
    markCount += r.marks.length;
    targetCount += r.sla?.targets.length ?? 0;
  }
  const packed: PackedRows = {
    count: n,
    caseIds: rows.map((r) => r.caseId).join(SEPARATOR),
    agentIds: rows.map((r) => r.agentId).join(SEPARATOR),
    categories: new Uint8Array(n),
    markEnds: new Uint32Array(n),
    marks: new Float64Array(markCount),
    slaAt: new Float64Array(n),
    slaUntil: new Float64Array(n),
    slaEnds: new Uint32Array(n),
    slaTarget: new Uint8Array(targetCount),
    slaTargetNames: [],
    slaState: new Uint8Array(targetCount),
    slaBreachAt: new Float64Array(targetCount),
  };
  const names = new Map<string, number>();
  let m = 0;
  let t = 0;
  rows.forEach((r, i) => {
    packed.categories[i] = r.category === undefined ? 0 : CATEGORIES.indexOf(r.category) + 1;
    for (let k = 0; k < r.marks.length; k++) packed.marks[m++] = r.marks[k]!;
    packed.markEnds[i] = m;
    packed.slaAt[i] = r.sla ? r.sla.at : Number.NaN;
    packed.slaUntil[i] = r.sla?.until ?? Number.NaN;
    for (const target of r.sla?.targets ?? []) {
      let name = names.get(target.target);
      if (name === undefined) {
        names.set(target.target, (name = packed.slaTargetNames.length));
        packed.slaTargetNames.push(target.target);
      }
      packed.slaTarget[t] = name;
      packed.slaState[t] = STATES.indexOf(target.state);
      packed.slaBreachAt[t] = target.breachAt ?? Number.NaN;
      t++;
    }
    packed.slaEnds[i] = t;
  });
  return packed;
}

export function unpackRows(packed: PackedRows): DashboardRow[] {
  const n = packed.count;
  if (n === 0) return [];
  const caseIds = packed.caseIds.split(SEPARATOR);
  const agentIds = packed.agentIds.split(SEPARATOR);
  const rows: DashboardRow[] = new Array<DashboardRow>(n);
  let m = 0;
  let t = 0;
  for (let i = 0; i < n; i++) {
    const markEnd = packed.markEnds[i]!;
    const slaEnd = packed.slaEnds[i]!;
    const category = packed.categories[i]! === 0 ? undefined : CATEGORIES[packed.categories[i]! - 1];
    const row: DashboardRow = { caseId: caseIds[i]!, agentId: agentIds[i]!, category, marks: packed.marks.subarray(m, markEnd) };
    const at = packed.slaAt[i]!;
    if (!Number.isNaN(at)) {
      const targets: SlaSnapshot['targets'] = [];
      for (; t < slaEnd; t++) {
        const breachAt = packed.slaBreachAt[t]!;
        const target = { target: packed.slaTargetNames[packed.slaTarget[t]!]!, state: STATES[packed.slaState[t]!]! };
        targets.push(Number.isNaN(breachAt) ? target : { ...target, breachAt });
      }
      const until = packed.slaUntil[i]!;
      row.sla = Number.isNaN(until) ? { at, targets } : { at, targets, until };
    }
    t = slaEnd;
    m = markEnd;
    rows[i] = row;
  }
  return rows;
}

/** A case's latest digest as the pack takes it in: its content, or that it is gone. */
export interface RowChange {
  caseId: string;
  agentId: string;
  category?: Category | undefined;
  marks: ArrayLike<number>;
  deleted?: 1 | undefined;
}

/**
 * `rows` with `changes` folded in: a changed case's row is replaced (without SLA states: they
 * must be evaluated again), a new case is added, a gone one removed. Changes `rows` in place
 * (and returns it) unless a case was removed.
 */
export function foldChanges(rows: DashboardRow[], changes: readonly RowChange[]): DashboardRow[] {
  if (changes.length === 0) return rows;
  const index = new Map<string, number>();
  rows.forEach((r, i) => index.set(r.caseId, i));
  const removed = new Set<number>();
  for (const c of changes) {
    const i = index.get(c.caseId);
    if (c.deleted) {
      if (i !== undefined) removed.add(i);
      continue;
    }
    const row: DashboardRow = { caseId: c.caseId, agentId: c.agentId, category: c.category, marks: c.marks };
    if (i === undefined) {
      index.set(c.caseId, rows.length);
      rows.push(row);
    } else rows[i] = row;
  }
  return removed.size > 0 ? rows.filter((_, i) => !removed.has(i)) : rows;
}
