/**
 * Stops the extension's service worker on demand, as Chromium does after about 30 s idle, so a
 * test or bench can see what the next message or alarm meets: a worker started from nothing.
 * Through DevTools' ServiceWorker domain on one of the extension's own pages.
 *
 * Do not call `ExtensionBrowser.serviceWorker()` in the same browser: puppeteer then holds the
 * worker's target itself and never lets a restarted worker run (it stays "starting").
 */
import type { CDPSession, Page } from 'puppeteer';

type RunningStatus = 'stopped' | 'starting' | 'running' | 'stopping';

export interface ServiceWorkerControl {
  /** Stops the background worker and resolves once it is stopped. */
  stop(): Promise<void>;
  /** The worker's state as DevTools last reported it. */
  status(): RunningStatus | undefined;
  /** When (Date.now(), this process) DevTools last reported the worker starting. */
  startedAt(): number | undefined;
  /** Resolves when the worker reaches `status` (rejects after `timeout` ms). */
  waitFor(status: RunningStatus, timeout?: number): Promise<void>;
  close(): Promise<void>;
}

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: RunningStatus;
}

export async function controlServiceWorker(page: Page, extensionId: string): Promise<ServiceWorkerControl> {
  const script = `chrome-extension://${extensionId}/background.js`;
  const cdp: CDPSession = await page.createCDPSession();
  const versions = new Map<string, WorkerVersion>();
  const waiters = new Set<() => void>();
  let startedAt: number | undefined;
  cdp.on('ServiceWorker.workerVersionUpdated', (event: { versions: WorkerVersion[] }) => {
    const received = Date.now();
    for (const v of event.versions) {
      if (v.scriptURL !== script) continue;
      if (v.runningStatus === 'starting' && versions.get(v.versionId)?.runningStatus !== 'starting') startedAt = received;
      versions.set(v.versionId, v);
    }
    for (const wake of waiters) wake();
  });
  await cdp.send('ServiceWorker.enable');

  const current = () => [...versions.values()].find((v) => v.runningStatus !== 'stopped') ?? [...versions.values()].at(-1);
  const status = () => current()?.runningStatus;

  const waitFor = (wanted: RunningStatus, timeout = 10_000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (status() !== wanted) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`the service worker did not become ${wanted} (it is ${status() ?? 'unknown'})`));
      }, timeout);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });

  return {
    status,
    startedAt: () => startedAt,
    waitFor,
    async stop() {
      if (status() === 'stopped') return;
      if (status() !== 'running') await waitFor('running');
      const running = [...versions.values()].filter((v) => v.runningStatus !== 'stopped');
      for (const v of running) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
      await waitFor('stopped');
    },
    async close() {
      await cdp.detach().catch(() => undefined);
    },
  };
}
