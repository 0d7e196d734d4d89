/**
 * What the background sends a sidebar about the team's side of one case: its owner, the notes,
 * the team (for @mentions and hand-on), and sentences about the agent's own ownership changes
 * that did not take. Presence is not here: it changes by the second and travels on the tab's
 * presence port (presence.ts).
 */
import type { TeamRole } from './team-roster';

export interface MemberView {
  handle: string;
  name: string;
  initials: string;
  role?: TeamRole;
}

export interface OwnerView extends MemberView {
  since: string;
  /** Who gave it to them, when not they themselves. */
  givenBy?: string;
}

export interface NoteView {
  id: string;
  by: string;
  name: string;
  at: string;
  text: string;
  mentions: string[];
  mine: boolean;
}

/**
 * How the team's side works here: 'solo' — sync is off (owners and notes stay on this
 * browser); 'no-profile' — the team database has no team profile yet (run the setup again);
 * 'team' — shared with the team.
 */
export type TeamMode = 'solo' | 'no-profile' | 'team';

export interface CaseTeamView {
  caseId: string;
  thread: string;
  mode: TeamMode;
  me: MemberView & { role: TeamRole };
  owner?: OwnerView;
  /** The agent's own changes to this case that did not take, in words. */
  overridden: string[];
  /** Ownership changes on record, oldest first ("Ana claimed it"). */
  ownershipHistory: Array<{ at: string; text: string }>;
  members: MemberView[];
  notes: NoteView[];
}

/** A note that mentions the agent, for the sidebar's mentions list. */
export interface MentionView {
  id: string;
  by: string;
  name: string;
  at: string;
  text: string;
  seen: boolean;
  /** The agent's own case of the conversation, when this browser knows it. */
  caseId?: string;
  threadId?: string;
  host?: 'gmail' | 'outlook';
  subject?: string;
}

/** Owner facts for a list chip or a queue row. */
export interface OwnerTag {
  owner: string;
  ownerName: string;
  ownerInitials: string;
  /** The owner is the agent. */
  mine: boolean;
}
