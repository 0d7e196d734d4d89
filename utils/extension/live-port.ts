/**
 * The page and mailbox-tab side of the live port (utils/messages.ts, LIVE_PORT): while it is
 * open and its keep-alive goes every 20 s, the background stays up and follows the team server
 * live, and tells this side what changed. A port the browser closes (the worker restarted, the
 * extension updated) is opened again a moment later, until `close` is called.
 */
import { browser } from 'wxt/browser';
import type { Runtime } from 'webextension-polyfill';
import { LIVE_PORT, type LiveNotice } from '../messages';

/** Under the 30 s a service worker idles before it stops. */
export const KEEPALIVE_MS = 20_000;
const REOPEN_MS = 1_000;

export interface LiveConnection {
  close(): void;
}

export function openLivePort(onNotice: (notice: LiveNotice) => void): LiveConnection {
  let port: Runtime.Port | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  let reopen: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const open = () => {
    if (closed) return;
    try {
      port = browser.runtime.connect({ name: LIVE_PORT });
    } catch {
      return; // the extension was reloaded or removed: this page's context is gone
    }
    port.onMessage.addListener((message: unknown) => onNotice(message as LiveNotice));
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (timer) clearInterval(timer);
      timer = undefined;
      if (!closed) reopen = setTimeout(open, REOPEN_MS);
    });
    timer = setInterval(() => {
      try {
        port?.postMessage({ type: 'keepalive' });
      } catch {
        // closed meanwhile: onDisconnect reopens it
      }
    }, KEEPALIVE_MS);
  };
  open();

  return {
    close() {
      closed = true;
      if (timer) clearInterval(timer);
      if (reopen) clearTimeout(reopen);
      port?.disconnect();
      port = undefined;
    },
  };
}
