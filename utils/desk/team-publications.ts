/**
 * One approved library and one set of settings for the whole team: what the team's leads
 * published to the team database (pulled into the `team` store), and the lead's acts of
 * publishing (queued in the outbox like every record, so they survive a stopped worker and a
 * server that is down; the server refuses them from anyone but a lead).
 *
 * With team sync on and a library published, the templates an agent can insert are the team's
 * (an agent's own templates stay apart as drafts); with team settings published, an agent's SLA
 * policy, calendar and holidays are the team's.
 */
import { outboxItem } from '../db/case-store';
import type { CaselineDb } from '../db/schema';
import type { CaselineSettings } from '../settings/settings';
import { sameAsTeam, teamSettingsInForce, withTeamSettings, type TeamSettingsInForce } from '../settings/team-settings';
import { ROLES } from '../sync/docs';
import { canInsert } from '../templates/approval';
import { approvalsFor, teamLibrary, type TeamLibrary } from '../templates/team-library';
import type { Template } from '../templates/types';
import { listTeamPublications, teamPublicationsVersion } from './team-records';
import { getTemplate, listLibrary } from './template-library';

export interface TeamPublications {
  library: TeamLibrary;
  settings: { inForce?: TeamSettingsInForce; invalid: Array<{ id: string; reason: string }>; publications: number };
}

const cache = new WeakMap<CaselineDb, { version: number; own: CaselineSettings; value: TeamPublications }>();

/** The team's library and settings as pulled (cached until a pull changes them). */
export async function readTeamPublications(db: CaselineDb, own: CaselineSettings): Promise<TeamPublications> {
  const version = teamPublicationsVersion(db);
  const hit = cache.get(db);
  if (hit && hit.version === version && hit.own === own) return hit.value;
  const [templates, settings] = await Promise.all([listTeamPublications(db, 'template'), listTeamPublications(db, 'settings')]);
  const value: TeamPublications = { library: teamLibrary(templates), settings: teamSettingsInForce(settings, own) };
  cache.set(db, { version, own, value });
  return value;
}

const LEAD_ROLE: string = ROLES.lead;

/** Whether the team's publications apply to this install: team sync is on. */
function inTeam(settings: CaselineSettings): boolean {
  return settings.sync.enabled;
}

/** The settings this install works by: an agent's own, with the team's policy, calendar and holidays when published. */
export async function settingsInForce(db: CaselineDb, own: CaselineSettings): Promise<CaselineSettings> {
  if (!inTeam(own) || own.role === 'lead') return own;
  const team = (await readTeamPublications(db, own)).settings.inForce;
  return team ? withTeamSettings(own, team) : own;
}

/** The settings the team's records are measured by (a lead's team dashboard): the team's when published. */
export async function teamSettingsFor(db: CaselineDb, own: CaselineSettings): Promise<CaselineSettings> {
  const team = (await readTeamPublications(db, own)).settings.inForce;
  return team ? withTeamSettings(own, team) : own;
}

/** The templates offered for insertion: the team's library once one is published, else this install's. */
export async function templatesInForce(db: CaselineDb, settings: CaselineSettings): Promise<Template[]> {
  if (inTeam(settings)) {
    const { library } = await readTeamPublications(db, settings);
    if (library.publications > 0) return library.templates.map((t) => t.template);
  }
  return listLibrary(db);
}

type Done<T> = { ok: true; value: T } | { ok: false; error: string };

export interface PublishContext {
  /** The install's agent id (prefix of the outbox id; the server binds the record to the signed-in user). */
  agentId: string;
  now: string;
}

async function enqueue(db: CaselineDb, item: ReturnType<typeof outboxItem>): Promise<void> {
  await db.add('outbox', item);
}

/** Publishes an approved template of this install's library to the team (its version, with the approvals the team has had). */
export async function publishTemplate(db: CaselineDb, own: CaselineSettings, id: string, ctx: PublishContext): Promise<Done<Template>> {
  const template = await getTemplate(db, id);
  if (!template) return { ok: false, error: 'That template does not exist any more.' };
  if (!canInsert(template)) return { ok: false, error: `“${template.name}” is not approved: approve it before publishing it.` };
  const { library } = await readTeamPublications(db, own);
  const current = library.templates.find((t) => t.template.id === id);
  if (current && current.template.version > template.version) {
    return { ok: false, error: `The team already uses version ${current.template.version} of “${template.name}”; this is version ${template.version}.` };
  }
  const { status: _status, updatedAt: _updatedAt, id: templateId, ...fields } = template;
  await enqueue(
    db,
    outboxItem(ctx.agentId, { kind: 'template', ...fields, templateId, status: 'approved', at: ctx.now, approvals: approvalsFor(template, current) }, ctx.now),
  );
  return { ok: true, value: template };
}

/** Withdraws a template from the team's library (every version up to the one in use). */
export async function withdrawTemplate(db: CaselineDb, own: CaselineSettings, id: string, ctx: PublishContext): Promise<Done<{ templateId: string; version: number }>> {
  const { library } = await readTeamPublications(db, own);
  const current = library.templates.find((t) => t.template.id === id);
  const local = await getTemplate(db, id);
  const version = Math.max(current?.template.version ?? 0, local?.version ?? 0);
  if (version === 0) return { ok: false, error: 'The team has no such template.' };
  await enqueue(db, outboxItem(ctx.agentId, { kind: 'template', templateId: id, version, status: 'withdrawn', at: ctx.now, ...(current ? { name: current.template.name } : {}) }, ctx.now));
  return { ok: true, value: { templateId: id, version } };
}

/** Publishes this install's SLA policy, calendar and holidays as the team's next settings version. */
export async function publishSettings(db: CaselineDb, own: CaselineSettings, ctx: PublishContext): Promise<Done<{ version: number }>> {
  const { settings } = await readTeamPublications(db, own);
  const versions = (await listTeamPublications(db, 'settings')).map((d) => d.settings.version);
  const queued = (await db.getAll('outbox')).flatMap((i) => (i.doc.kind === 'settings' ? [i.doc.version] : []));
  const version = Math.max(0, settings.inForce?.version ?? 0, ...versions, ...queued) + 1;
  await enqueue(
    db,
    outboxItem(ctx.agentId, { kind: 'settings', version, at: ctx.now, presetId: own.presetId, policy: own.policy as unknown as Record<string, unknown>, holidays: { ...own.holidays } }, ctx.now),
  );
  return { ok: true, value: { version } };
}

/** What the options page shows of the team's library and settings (and whether this user may publish). */
export interface TeamView {
  /** Team sync is on. */
  inTeam: boolean;
  role: CaselineSettings['role'];
  /** Publishing is offered: a lead, as the server says when it said (the server refuses anyone else anyway). */
  canPublish: boolean;
  library: {
    publications: number;
    lastChange?: { by: string; at: string };
    /** Whether the mailbox inserts these (team sync on and something published) rather than this browser's templates. */
    inUse: boolean;
    templates: Array<TeamLibrary['templates'][number]>;
    withdrawn: TeamLibrary['withdrawn'];
    invalid: TeamLibrary['invalid'];
  };
  settings: {
    publications: number;
    inForce?: { version: number; publishedBy: string; publishedAt: string };
    /** What they say (the options page shows them in place of an agent's own while they are in use). */
    values?: Pick<TeamSettingsInForce, 'presetId' | 'policy' | 'holidays'>;
    /** Whether this install works by them (an agent in the team). */
    inUse: boolean;
    /** For a lead: whether their own settings say the same as the team's. */
    ownMatchesTeam?: boolean;
    invalid: Array<{ id: string; reason: string }>;
  };
  /** Publications waiting in the outbox. */
  pending: number;
}

export async function teamView(db: CaselineDb, own: CaselineSettings, serverRoles: readonly string[] | undefined): Promise<TeamView> {
  const { library, settings } = await readTeamPublications(db, own);
  const member = inTeam(own);
  const serverSaysLead = serverRoles === undefined ? undefined : serverRoles.includes(LEAD_ROLE);
  const pending = (await db.getAll('outbox')).filter((i) => i.state === 'pending' && (i.kind === 'template' || i.kind === 'settings')).length;
  const inForce = settings.inForce;
  return {
    inTeam: member,
    role: own.role,
    canPublish: member && own.role === 'lead' && serverSaysLead !== false,
    library: {
      publications: library.publications,
      ...(library.lastChange ? { lastChange: library.lastChange } : {}),
      inUse: member && library.publications > 0,
      templates: library.templates,
      withdrawn: library.withdrawn,
      invalid: library.invalid,
    },
    settings: {
      publications: settings.publications,
      ...(inForce
        ? {
            inForce: { version: inForce.version, publishedBy: inForce.publishedBy, publishedAt: inForce.publishedAt },
            values: { ...(inForce.presetId ? { presetId: inForce.presetId } : {}), policy: inForce.policy, holidays: inForce.holidays },
          }
        : {}),
      inUse: member && own.role !== 'lead' && inForce !== undefined,
      ...(inForce && own.role === 'lead' ? { ownMatchesTeam: sameAsTeam(own, inForce) } : {}),
      invalid: settings.invalid,
    },
    pending,
  };
}
