/**
 * The sidebar queue's three views of the shared inbox: Mine, Unassigned, Everyone's. Pure. Rows
 * say who owns them (`owner`) and whether that is the agent (`mine`, set by the background,
 * which knows the agent's handle).
 */
export const QUEUE_SCOPES = ['mine', 'unassigned', 'everyone'] as const;
export type QueueScope = (typeof QUEUE_SCOPES)[number];

export interface ScopedRow {
  owner?: string | undefined;
  mine?: boolean | undefined;
}

export function inScope(item: ScopedRow, scope: QueueScope): boolean {
  if (scope === 'mine') return item.mine === true;
  if (scope === 'unassigned') return item.owner === undefined;
  return true;
}

export function filterQueue<T extends ScopedRow>(items: readonly T[], scope: QueueScope): T[] {
  return items.filter((i) => inScope(i, scope));
}

export function scopeCounts(items: readonly ScopedRow[]): Record<QueueScope, number> {
  const counts: Record<QueueScope, number> = { mine: 0, unassigned: 0, everyone: items.length };
  for (const i of items) {
    if (i.mine === true) counts.mine += 1;
    else if (i.owner === undefined) counts.unassigned += 1;
  }
  return counts;
}
