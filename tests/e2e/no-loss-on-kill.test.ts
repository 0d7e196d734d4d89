/**
 * No loss on a crash (issue 7): the browser is killed (SIGKILL) in the middle of a burst of case
 * commands; reopened on the same profile, the database opens, every command the background had
 * acknowledged is in the event log, and no case summary disagrees with its events.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer';
import { afterAll, describe, expect, it } from 'vitest';
import { demoMailbox } from '../../scripts/demo/demo-mailbox';
import type { CaseEvent } from '../../utils/cases/events';
import { deriveCase } from '../../utils/cases/lifecycle';
import type { CaseRecord } from '../../utils/cases/records';
import { closeInstallTab, launchWithExtension, type ExtensionBrowser } from './support/launch-browser';

const profile = mkdtempSync(join(tmpdir(), 'caseline-kill-profile-'));
let eb: ExtensionBrowser | undefined;

afterAll(async () => {
  await eb?.close().catch(() => undefined);
  rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
});

async function openExtensionPage(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.browser.newPage();
  await page.goto(browser.extensionUrl(path));
  await page.bringToFront();
  page.setDefaultTimeout(30_000);
  return page;
}

/** One protocol message from an extension page, in @webext-core/messaging's wire format. */
async function send<T>(page: Page, type: string, data: unknown): Promise<{ ok: boolean; value?: T; error?: string } | undefined> {
  return page.evaluate(
    async (type, data) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: unknown } | undefined> } } }).chrome.runtime;
      const answer = await runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() });
      return answer?.res as never;
    },
    type,
    data,
  );
}

/** Process ids in a session (puppeteer starts the browser detached: its children share its session). */
function groupMembers(sid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--sid', String(sid)], { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
  } catch {
    return []; // ps exits 1 when the group is empty
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Reads the whole database with the raw IndexedDB API, as a fresh page would. */
async function readDatabase(page: Page): Promise<{ version: number; stores: string[]; cases: CaseRecord[]; events: CaseEvent[] }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('caseline');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('blocked'));
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const req = db.transaction(store, 'readonly').objectStore(store).getAll();
        req.onsuccess = () => resolve(req.result as T[]);
        req.onerror = () => reject(req.error);
      });
    const out = { version: db.version, stores: [...db.objectStoreNames], cases: await all<never>('cases'), events: await all<never>('events') };
    db.close();
    return out;
  });
}

describe('a browser killed in the middle of a burst of writes', () => {
  it('keeps every acknowledged event and no half-written case', async () => {
    const demo = demoMailbox(new Date());
    const first = await launchWithExtension({ userDataDir: profile });
    eb = first;
    await closeInstallTab(first);

    // Cases from the conversation list and from an opened thread, as an agent would make them.
    const inbox = demo.entryPages.find((s) => s.host === 'gmail')!;
    const thread = demo.stops.find((s) => s.host === 'gmail' && s.threadId)!;
    const mailPages = [await first.openMailPage(inbox.url, demo.router), await first.openMailPage(thread.url, demo.router)];

    const control = await openExtensionPage(first, 'options.html');
    let caseIds: string[] = [];
    for (let i = 0; i < 300 && caseIds.length < 3; i++) {
      const q = await send<Array<{ caseId: string }>>(control, 'queue', {});
      caseIds = q?.ok && q.value ? q.value.map((c) => c.caseId) : [];
      if (caseIds.length < 3) await new Promise((r) => setTimeout(r, 100));
    }
    expect(caseIds.length).toBeGreaterThanOrEqual(3);
    const burstCases = caseIds.slice(0, 4);
    // The mailbox tabs did their part; closed, no intercepted request is pending at the kill.
    for (const page of mailPages) await page.close();

    // Replies reach Node as they arrive; only those count as acknowledged. The browser is killed
    // from inside the reply handler, while the other lanes have commands in flight.
    const KILL_AFTER = 150;
    const acked = new Set<string>();
    const proc = first.browser.process();
    const pid = proc!.pid!;
    let killed = false;
    await control.exposeFunction('caselineAck', (templateId: string) => {
      if (killed) return;
      acked.add(templateId);
      if (acked.size >= KILL_AFTER) {
        killed = true;
        proc!.kill('SIGKILL');
      }
    });

    // One lane per case, each command sent when the previous one was answered: template notes
    // between stage changes (resolve, reopen), so the summaries move all the time.
    const LANE_LENGTH = 5000;
    const burst = control
      .evaluate(
        async (cases: string[], laneLength: number) => {
          const w = globalThis as unknown as {
            chrome: { runtime: { sendMessage(m: unknown): Promise<{ res?: { ok: boolean } } | undefined> } };
            caselineAck(id: string): Promise<void>;
          };
          let seq = 0;
          const command = (caseId: string, cmd: Record<string, unknown>) =>
            w.chrome.runtime.sendMessage({ id: ++seq, type: 'caseCommand', data: { caseId, command: cmd }, timestamp: Date.now() }).then((a) => a?.res);
          const lane = async (caseId: string, lane: number) => {
            await command(caseId, { type: 'acknowledge' }); // refused if the thread shows a reply already
            for (let i = 0; i < laneLength; i++) {
              const templateId = `burst-${lane}-${i}`;
              const r = await command(caseId, { type: 'logTemplate', templateId });
              if (r?.ok) void w.caselineAck(templateId);
              if (i % 3 === 1) await command(caseId, { type: 'resolve', code: 'answered', summary: `Burst ${i}` });
              if (i % 3 === 2) await command(caseId, { type: 'reopen', reason: `Burst ${i}` });
            }
          };
          await Promise.all(cases.map((c, n) => lane(c, n)));
        },
        burstCases,
        LANE_LENGTH,
      )
      .catch(() => undefined); // the browser dies under it
    await burst;
    // Killed in the middle of the burst, not after it.
    expect(killed).toBe(true);
    expect(acked.size).toBe(KILL_AFTER);
    // Wait for the killed browser's helper processes to go before the profile is reused; any
    // left over (they are ours) are killed by id.
    for (let i = 0; i < 100 && (isAlive(pid) || groupMembers(pid).length > 0); i++) {
      if (i === 40) for (const child of groupMembers(pid)) process.kill(child, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(groupMembers(pid)).toEqual([]);
    const ackedBeforeKill = new Set(acked);
    eb = undefined;

    // Reopen the same profile.
    const second = await launchWithExtension({ userDataDir: profile });
    eb = second;
    expect(second.extensionId).toBe(first.extensionId);
    await closeInstallTab(second);
    const reader = await openExtensionPage(second, 'options.html');
    const db = await readDatabase(reader);
    expect(db.stores).toEqual(expect.arrayContaining(['cases', 'events', 'outbox', 'meta']));

    // Every acknowledged command is in the log, exactly once; nothing appears that was never sent.
    const logged = db.events.filter((e) => e.type === 'template_inserted').map((e) => String((e.data as { templateId?: unknown }).templateId));
    expect(new Set(logged).size).toBe(logged.length);
    const loggedSet = new Set(logged);
    const missing = [...ackedBeforeKill].filter((id) => !loggedSet.has(id));
    expect(missing).toEqual([]);
    // Each lane sent its commands one after another: what landed is a prefix of the lane, no gaps.
    for (const [lane] of burstCases.entries()) {
      const indices = logged.filter((id) => id.startsWith(`burst-${lane}-`)).map((id) => Number(id.split('-')[2])).sort((a, b) => a - b);
      expect(indices).toEqual(indices.map((_, i) => i));
      expect(indices.length).toBeLessThan(LANE_LENGTH);
    }

    // No half-written case: each summary is what its events derive, and no event is orphaned.
    const byCase = new Map<string, CaseEvent[]>();
    for (const e of db.events) {
      const list = byCase.get(e.caseId) ?? [];
      list.push(e);
      byCase.set(e.caseId, list);
    }
    const caseIdsStored = new Set(db.cases.map((c) => c.caseId));
    expect([...byCase.keys()].filter((id) => !caseIdsStored.has(id))).toEqual([]);
    for (const record of db.cases) {
      const events = (byCase.get(record.caseId) ?? []).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      expect(events.length, record.caseId).toBeGreaterThan(0);
      const state = deriveCase(events);
      expect({ caseId: record.caseId, stage: record.stage, open: record.open, reference: record.reference }).toEqual({
        caseId: record.caseId,
        stage: state.stage,
        open: state.stage === 'closed' ? 0 : 1,
        reference: state.reference,
      });
    }
    for (const caseId of burstCases) expect(caseIdsStored.has(caseId)).toBe(true);

    // The background works on the reopened database: one more command lands.
    const after = await send<{ state: { stage: string } }>(reader, 'caseCommand', { caseId: burstCases[0], command: { type: 'logTemplate', templateId: 'after-restart' } });
    expect(after?.ok).toBe(true);
    const reread = await readDatabase(reader);
    expect(reread.events.some((e) => e.type === 'template_inserted' && (e.data as { templateId?: string }).templateId === 'after-restart')).toBe(true);
  });
});
