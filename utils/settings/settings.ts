/**
 * The install's settings: who the agent is, the active SLA policy (a preset from one procedure,
 * then edited), holidays, notifications, privacy and sync. Stored by the background in the
 * database's settings store; validated as a whole before anything is saved.
 */
import type { SlaPolicy } from '../sla/types';

export interface AgentSettings {
  /** Stable id of this install's agent (used in document ids and events). */
  id: string;
  name: string;
  email?: string;
  /** 2–4 capital letters or digits, used in reference numbers (e.g. CMP-AB-0042). */
  prefix: string;
}

export interface HolidaySettings {
  /** date-holidays country code, e.g. 'GB', 'US', 'ES'; empty for none. */
  country: string;
  region: string;
  /** The team's own closure days, YYYY-MM-DD. */
  extra: string[];
}

export interface SyncSettings {
  enabled: boolean;
  url: string;
  db: string;
  user: string;
}

export interface CaselineSettings {
  version: 1;
  onboarded: boolean;
  role: 'agent' | 'lead';
  language: 'en' | 'es';
  agent: AgentSettings;
  company: { name: string };
  /** Id of the procedure preset the policy started from. */
  presetId: string;
  policy: SlaPolicy;
  holidays: HolidaySettings;
  /**
   * `enabled`: warn before a deadline; `mentions`: a browser notification when a teammate
   * mentions the agent in a note (the sidebar lists mentions either way).
   */
  notifications: { enabled: boolean; leadMinutes: number; mentions: boolean };
  privacy: { retentionDays: number; syncSubjects: boolean };
  sync: SyncSettings;
}
