import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { monotonicFactory } from 'ulid';
import type { CaseEvent, CaseEventType, EventDataByType } from '../../../utils/cases/events';
import { openCaselineDb } from '../../../utils/db';
import type { CaselineDb } from '../../../utils/db';

/** A fresh, empty IndexedDB per call. */
export function freshFactory(): IDBFactory {
  return new IDBFactory();
}

export async function freshDb(): Promise<{ db: CaselineDb; factory: IDBFactory }> {
  const factory = freshFactory();
  return { db: await openCaselineDb(factory, 'caseline-test'), factory };
}

export const newId = monotonicFactory();

export function event<T extends CaseEventType>(caseId: string, type: T, at: string, data: EventDataByType[T], actor = 'agent-ann', id = newId()): CaseEvent {
  return { id, caseId, type, at, actor, source: actor === 'customer' ? 'auto' : 'agent', data } as CaseEvent;
}
