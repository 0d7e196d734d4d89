/**
 * What the shared inbox sends to the team database (utils/shared-inbox): ownership changes and
 * internal notes, under the conversation's thread key. No thread id, subject, address or mail
 * text ever: an ownership change is who, when and to whom; a note is the text an agent wrote
 * for the team (the composer says so), with the teammates it mentions. Presence is not queued
 * (it is rewritten in place and useless late: utils/extension/team-presence-channel.ts).
 */
import type { OwnershipChange } from '../shared-inbox/ownership';
import type { TeamNote } from '../shared-inbox/team-notes';

export interface ClaimSyncDoc {
  kind: 'claim';
  id: string;
  thread: string;
  change: 'claimed' | 'handed_on' | 'released';
  at: string;
  by: string;
  owner?: string;
  /** The writer's display name, so teammates can say who. */
  name?: string;
}

/** A lead's assignment (the team database accepts it from leads only). */
export interface AssignmentSyncDoc {
  kind: 'assignment';
  id: string;
  thread: string;
  at: string;
  by: string;
  owner?: string;
  name?: string;
}

export interface NoteSyncDoc {
  kind: 'note';
  id: string;
  thread: string;
  at: string;
  by: string;
  text: string;
  name?: string;
  mentions: string[];
}

export type SharedInboxSyncDoc = ClaimSyncDoc | AssignmentSyncDoc | NoteSyncDoc;

export function ownershipSyncDoc(change: OwnershipChange, name?: string): ClaimSyncDoc | AssignmentSyncDoc {
  const owner = change.owner === undefined ? {} : { owner: change.owner };
  const named = name?.trim() ? { name: name.trim().slice(0, 200) } : {};
  if (change.type === 'assigned') return { kind: 'assignment', id: change.id, thread: change.thread, at: change.at, by: change.by, ...owner, ...named };
  return { kind: 'claim', id: change.id, thread: change.thread, change: change.type, at: change.at, by: change.by, ...(change.type === 'handed_on' ? owner : {}), ...named };
}

export function noteSyncDoc(note: TeamNote): NoteSyncDoc {
  return { kind: 'note', id: note.id, thread: note.thread, at: note.at, by: note.by, text: note.text, mentions: [...note.mentions], ...(note.name ? { name: note.name } : {}) };
}

/** The payload stored under `doc[kind]` on the server. */
export function sharedInboxPayload(doc: SharedInboxSyncDoc): Record<string, unknown> {
  const { kind: _kind, ...payload } = doc;
  return payload;
}
