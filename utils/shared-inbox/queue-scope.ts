/** The sidebar queue's three views of the shared inbox: Mine, Unassigned, Everyone's. Pure. */
export const QUEUE_SCOPES = ['mine', 'unassigned', 'everyone'] as const;
export type QueueScope = (typeof QUEUE_SCOPES)[number];

export function inScope(item: { owner?: string | undefined }, scope: QueueScope, me: string): boolean {
  if (scope === 'mine') return item.owner === me;
  if (scope === 'unassigned') return item.owner === undefined;
  return true;
}

export function filterQueue<T extends { owner?: string | undefined }>(items: readonly T[], scope: QueueScope, me: string): T[] {
  return items.filter((i) => inScope(i, scope, me));
}

export function scopeCounts(items: readonly { owner?: string | undefined }[], me: string): Record<QueueScope, number> {
  const counts: Record<QueueScope, number> = { mine: 0, unassigned: 0, everyone: items.length };
  for (const i of items) {
    if (i.owner === me) counts.mine += 1;
    else if (i.owner === undefined) counts.unassigned += 1;
  }
  return counts;
}
