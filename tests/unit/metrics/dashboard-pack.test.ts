/** packRows and unpackRows are each other's inverse, whatever the rows hold. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../utils/cases/events';
import { packRows, unpackRows } from '../../../utils/metrics/dashboard-pack';
import type { DashboardRow } from '../../../utils/metrics/dashboard-pack';

const STATES = ['not_started', 'running', 'due_soon', 'paused', 'met', 'breached'] as const;
const time = fc.integer({ min: 1_700_000_000_000, max: 1_900_000_000_000 });

const rowArb: fc.Arbitrary<DashboardRow> = fc.record(
  {
    caseId: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !s.includes('\u0000')),
    agentId: fc.string({ maxLength: 20 }).filter((s) => !s.includes('\u0000')),
    category: fc.option(fc.constantFrom(...CATEGORIES), { nil: undefined }),
    marks: fc.array(fc.tuple(time, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 10 })), { maxLength: 8 }).map((t) => t.flat()),
    sla: fc.option(
      fc.record(
        {
          at: time,
          until: time,
          targets: fc.array(fc.record({ target: fc.constantFrom('acknowledge', 'respond', 'resolve', 'followUp', 'escalationUpdate'), state: fc.constantFrom(...STATES), breachAt: time }, { requiredKeys: ['target', 'state'] }), { maxLength: 5 }),
        },
        { requiredKeys: ['at', 'targets'] },
      ),
      { nil: undefined },
    ),
  },
  { requiredKeys: ['caseId', 'agentId', 'marks'] },
);

/** A row as unpacked: marks as a plain list, no undefined fields. */
function plain(r: DashboardRow): unknown {
  return JSON.parse(JSON.stringify({ ...r, marks: Array.from(r.marks) }));
}

describe('dashboard pack', () => {
  it('unpackRows(packRows(rows)) gives the rows back', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const packed = packRows(rows);
        const back = unpackRows(structuredClone(packed));
        expect(back.map(plain)).toEqual(rows.map(plain));
        expect(back.map((r) => r.category)).toEqual(rows.map((r) => r.category));
      }),
      { numRuns: 300 },
    );
  });

  it('holds its rows in a few buffers', () => {
    const rows: DashboardRow[] = Array.from({ length: 1000 }, (_, i) => ({ caseId: `gmail:t${i}`, agentId: 'ann', category: 'support', marks: [1, 0, 0, 1, 1, 0], sla: { at: 5, targets: [{ target: 'respond', state: 'running', breachAt: 9 }] } }));
    const packed = packRows(rows);
    expect(packed.marks).toBeInstanceOf(Float64Array);
    expect(packed.marks.length).toBe(6000);
    expect(packed.slaTargetNames).toEqual(['respond']);
    expect(typeof packed.caseIds).toBe('string');
    expect(unpackRows(packed)[999]).toMatchObject({ caseId: 'gmail:t999', sla: { at: 5, targets: [{ target: 'respond', state: 'running', breachAt: 9 }] } });
  });
});
