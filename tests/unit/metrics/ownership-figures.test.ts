import { describe, expect, it } from 'vitest';
import { ownershipFigures } from '../../../utils/metrics/ownership-figures';
import type { OwnershipChange } from '../../../utils/shared-inbox/ownership';

let n = 0;
const c = (thread: string, type: OwnershipChange['type'], day: number, by: string, owner?: string): OwnershipChange => ({
  id: `c${++n}`,
  thread,
  type,
  at: `2026-03-0${day}T09:00:00.000Z`,
  by,
  ...(owner ? { owner } : {}),
});

describe('ownership figures', () => {
  const changes = [
    c('t1', 'claimed', 1, 'ana'),
    c('t1', 'handed_on', 3, 'ana', 'bob'),
    c('t2', 'claimed', 2, 'ana'),
    c('t2', 'claimed', 2, 'bob'), // same minute, later handle: overridden
    c('t3', 'assigned', 3, 'lea', 'cara'),
    c('t3', 'assigned', 4, 'lea', 'ana'),
    c('t4', 'claimed', 4, 'bob'),
    c('t4', 'released', 4, 'bob'),
  ];

  it('cases per owner at the end of the range, and what changed hands within it', () => {
    const f = ownershipFigures(changes, { from: Date.parse('2026-03-02T00:00:00Z'), to: Date.parse('2026-03-05T00:00:00Z') });
    expect(f.owners).toEqual([
      { owner: 'ana', owned: 2, claimed: 1, received: 1, handedAway: 1 },
      { owner: 'bob', owned: 1, claimed: 1, received: 1, handedAway: 0 },
      { owner: 'cara', owned: 0, claimed: 0, received: 1, handedAway: 1 },
    ]);
    expect(f.owned).toBe(3);
    // t1 ana → bob and t3 cara → ana
    expect(f.reassignments).toBe(2);
    expect(f.conflicts).toBe(1);
    expect(f.unassigned).toBeNull();
  });

  it('owners as of an earlier end; unassigned among the open conversations; the agent filter', () => {
    const f = ownershipFigures(changes, { to: Date.parse('2026-03-03T00:00:00Z'), openThreads: new Set(['t1', 't2', 't9']), agents: ['ana'] });
    expect(f.owners).toEqual([{ owner: 'ana', owned: 2, claimed: 2, received: 0, handedAway: 0 }]);
    expect(f.unassigned).toBe(1);
    expect(f.reassignments).toBe(0);
  });
});
