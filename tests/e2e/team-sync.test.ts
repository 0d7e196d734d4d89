/**
 * Team sync in two real browsers against the CouchDB-compatible test server: a lead (one
 * profile) and an agent (another). The lead's open dashboard shows an agent's records as they
 * are written to the server (live, no reload); the lead publishes a template and the team's
 * settings from the options page and the agent's open options page shows them (the version in
 * use, the SLA sections taken over by the team's), with nothing offered to publish, and the
 * agent's open mailbox tab suggests the team's template only; withdrawing takes it out of the
 * agent's library and sidebar.
 *
 * The extension is the built one; only its manifest, in a copy, grants the test server's host
 * up front (http://127.0.0.1/*): granting an optional host permission takes a person's click in
 * the browser's prompt.
 */
import { rmSync } from 'node:fs';
import type { Page } from 'puppeteer';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { TemplateSummary } from '../../utils/case-view';
import { DEFAULT_TEMPLATES } from '../../utils/templates/library';
import { CouchClient } from '../../utils/sync/couch-client';
import { setupTeamDatabase } from '../../utils/sync/team-setup';
import { startCouchServer, type CouchServer } from '../support/couch-server';
import { demoMailbox } from '../../scripts/demo/demo-mailbox';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';
import { extensionWithServerAccess, joinTeam } from './support/server-access';
import { openPage, sendFromPage } from './support/extension-pages';
import { inSidebar, onSidebar, waitForSidebar } from './support/sidebar-root';

const USERS = [
  { name: 'ann', password: 'ann-pw', role: 'agent' },
  { name: 'lea', password: 'lea-pw', role: 'lead' },
] as const;
const WAIT = { timeout: 30_000 };

describe('team sync between a lead’s and an agent’s browsers', () => {
  let server: CouchServer;
  let extensionDir: string;
  let lead: ExtensionBrowser;
  let agent: ExtensionBrowser;
  let leadOptions: Page;
  let agentOptions: Page;
  const template = DEFAULT_TEMPLATES.find((t) => t.id === 'default-acknowledgement-en')!;

  beforeAll(async () => {
    server = await startCouchServer();
    await setupTeamDatabase(new CouchClient({ url: server.url, db: server.db, fetch: (i, init) => fetch(i, init), basicAuth: server.adminAuth }), USERS);
    extensionDir = extensionWithServerAccess();
    lead = await launchWithExtension({ extensionDir });
    agent = await launchWithExtension({ extensionDir });
    await Promise.all([closeInstallTab(lead), closeInstallTab(agent)]);
    leadOptions = await openPage(lead, 'options.html');
    agentOptions = await openPage(agent, 'options.html');
    expect(await joinTeam(leadOptions, server, USERS[1])).toMatchObject({ enabled: true, user: 'lea', serverRoles: ['caseline-lead'] });
    expect(await joinTeam(agentOptions, server, USERS[0])).toMatchObject({ enabled: true, user: 'ann', serverRoles: ['caseline-agent'] });
  });
  afterAll(async () => {
    await lead?.close();
    await agent?.close();
    await server?.stop();
    if (extensionDir) rmSync(extensionDir, { recursive: true, force: true });
  });

  it('the lead’s open dashboard shows an agent’s records as they reach the server, without a reload', async () => {
    const dashboard = await openPage(lead, 'dashboard.html');
    // Closed even when a check fails: left open in front, it would take the focus from the next test's pages.
    onTestFinished(() => dashboard.close().catch(() => undefined));
    await dashboard.waitForSelector('#dashboard[data-ready="true"]', WAIT);
    await dashboard.click('[data-testid="source-team"]');
    await dashboard.waitForSelector('#dashboard[data-source="team"][data-live="live"] [data-testid="empty-state"]', WAIT);
    expect(await dashboard.$eval('[data-testid="live-status"]', (el) => el.textContent ?? '')).toMatch(/Live/);

    // ann's records, written to the server as ann (what her extension pushes).
    const ann = new CouchClient({ url: server.url, db: server.db, fetch: (i, init) => fetch(i, init) });
    await ann.login('ann', 'ann-pw');
    const caseKey = `key-${ulid()}`;
    const at = (h: number) => new Date(Date.now() - (5 - h) * 3_600_000).toISOString();
    const event = (type: string, h: number, data: Record<string, unknown> = {}) => {
      const id = ulid();
      return { _id: `ev:ann:${id}`, type: 'event', author: 'ann', agentId: 'ann', createdAt: at(h), event: { id, caseId: caseKey, type, at: at(h), actor: type === 'received' ? 'customer' : 'ann', source: 'agent', data } };
    };
    const answers = await ann.bulkDocs([
      event('received', 0),
      event('category_set', 0, { category: 'complaint', by: 'agent' }),
      event('acknowledged', 1, { reference: 'CMP-1' }),
      { _id: `cs:ann:${ulid()}`, type: 'case', author: 'ann', agentId: 'ann', createdAt: at(1), case: { caseId: caseKey, category: 'complaint', stage: 'acknowledged' } },
    ]);
    expect(answers.every((a) => a.ok)).toBe(true);

    await dashboard.waitForSelector('[data-testid="team-figures"]', WAIT);
    await dashboard.waitForFunction(() => /Showing 1 case/.test(document.querySelector('[data-testid="range-status"]')?.textContent ?? ''), WAIT);
    expect(await dashboard.$eval('[data-metric="team.volume.complaint"]', (el) => el.textContent)).toBe('1');
    expect(await dashboard.$$eval('[data-testid="agent-table"] tbody th', (ths) => ths.map((th) => th.textContent))).toEqual(['ann']);

    // Another record later: the same open page follows.
    expect((await ann.bulkDocs([event('resolved', 2, { code: 'refunded', summary: 'Refunded' })]))[0]).toMatchObject({ ok: true });
    await dashboard.waitForFunction(() => Number((document.querySelector('#dashboard') as HTMLElement | null)?.dataset.teamUpdates ?? 0) >= 2, WAIT);
    // The figures drawn after that update (the ready mark of the ones before it may still be on the page for a moment).
    await dashboard.waitForFunction(
      () => document.querySelector('#dashboard[data-ready="true"] [data-metric="team.complaintResolution.resolvedOrClosed"]')?.getAttribute('data-value') === '1',
      { ...WAIT, polling: 50 },
    );
    expect(await dashboard.$eval('[data-metric="team.volume.complaint"]', (el) => el.textContent)).toBe('1');
  });

  it('the lead publishes a template and the team’s settings; the agent’s open options page and mailbox take them, without anything to publish', async () => {
    // The agent has a complaint open in the mailbox: the sidebar suggests from the shipped library.
    const mailbox = demoMailbox(new Date());
    const complaint = mailbox.stops.find((x) => x.thread?.id === 'p09-refund-kettle-rude')!;
    const mail = await agent.openMailPage(complaint.url, mailbox.router);
    await mail.bringToFront();
    const suggested = () => onSidebar(mail, (root) => [...root.querySelectorAll('[data-testid="suggested-templates"] button')].map((b) => b.textContent ?? ''));
    await inSidebar(mail, '[data-testid="suggested-templates"] button', WAIT.timeout);
    expect((await suggested()).length).toBeGreaterThan(1);

    await leadOptions.reload();
    await agentOptions.reload();
    await agentOptions.waitForSelector('[data-testid="team-library-empty"]', WAIT);
    expect(await agentOptions.$eval('[data-testid="sync-server-role"]', (el) => el.textContent)).toBe('an agent');

    // The lead: "Publish to team" on an approved template of the browser's library.
    const publish = await leadOptions.waitForSelector(`[data-testid="templates-table"] tr[data-template-id="${template.id}"] button[aria-label^="Publish"]`, WAIT);
    await publish!.click();
    await leadOptions.waitForSelector(`[data-testid="team-templates"] tr[data-template-id="${template.id}"]`, WAIT);

    // The agent's page, open all along, shows it with the version in use; nothing to publish or withdraw.
    const row = await agentOptions.waitForSelector(`[data-testid="team-templates"] tr[data-template-id="${template.id}"]`, WAIT);
    expect(await row!.$eval('[data-testid="team-template-version"]', (el) => el.textContent ?? '')).toMatch(/^v1published by lea/);
    expect(await agentOptions.$$eval('[data-testid="team-templates"] button', (b) => b.length)).toBe(0);
    expect(await agentOptions.$$eval('button', (bs) => bs.filter((b) => /Publish/.test(b.textContent ?? '')).length)).toBe(0);
    expect(await agentOptions.$('[data-testid="publish-settings"]')).toBeNull();
    // The mailbox now offers the team's library only, in the open tab too (no reload).
    const offered = await sendFromPage<TemplateSummary[]>(agentOptions, 'templateList', {});
    expect(offered.ok && offered.value.map((t) => t.id)).toEqual([template.id]);
    await waitForSidebar(
      mail,
      (root, name: string) => {
        const names = [...root.querySelectorAll('[data-testid="suggested-templates"] button')].map((b) => b.textContent ?? '');
        return names.length === 1 && names[0]!.includes(name);
      },
      WAIT,
      template.name,
    );

    // Team settings: published by the lead, in use on the agent's page (the SLA sections are the team's).
    await leadOptions.click('[data-testid="publish-settings"]');
    const note = await agentOptions.waitForSelector('[data-testid="team-settings-note"]', WAIT);
    expect(await note!.evaluate((el) => el.textContent ?? '')).toMatch(/version 1, published by lea/);
    expect(await agentOptions.$eval('#sla fieldset.team-locked', (el) => (el as HTMLFieldSetElement).disabled)).toBe(true);

    // Withdrawn by the lead: gone from the agent's library.
    const withdraw = await leadOptions.waitForSelector(`[data-testid="team-templates"] tr[data-template-id="${template.id}"] button`, WAIT);
    await withdraw!.click();
    await agentOptions.waitForSelector('[data-testid="team-withdrawn"]', WAIT);
    expect(await agentOptions.$(`[data-testid="team-templates"] tr[data-template-id="${template.id}"]`)).toBeNull();
    const after = await sendFromPage<TemplateSummary[]>(agentOptions, 'templateList', {});
    expect(after.ok && after.value.map((t) => t.id)).toEqual([]);
    await waitForSidebar(mail, (root) => !root.querySelector('[data-testid="suggested-templates"] button'), WAIT);
    await mail.close();
  }, 180_000);
});
