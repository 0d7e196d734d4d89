/**
 * Notices opening, switching and closing threads in a single-page mailbox, cheaply:
 * - URL changes: the Navigation API's currententrychange when present (it also reports the page's
 *   own history.pushState, which a content script cannot patch from its isolated world), plus
 *   popstate and hashchange; the observer callback also compares location.href.
 * - ONE MutationObserver on the narrowest container (`root()`, subtree) and on that container's
 *   parent (children only, to see the container replaced), re-attached after each change; on the
 *   document body until `root()` finds its container. Its callback only sets a dirty flag and
 *   notes the time; the work (onChange) runs once
 *   the page has been quiet for `quietMs`, at idle time, at most once per idle period however many
 *   mutations arrive (and at least every `maxWaitMs` while mutations keep coming).
 * - With `viewKey`, onChange runs only when the key (e.g. thread id + message count) changed.
 */

export interface WatchThreadOptions {
  window: Window;
  /** The narrowest container that changes when the thread changes; re-read after each change. */
  root: () => Element | null;
  onChange: () => void;
  /** Schedules work at idle time; default: requestIdleCallback (timeout 1 s), else setTimeout 0. */
  requestIdle?: (run: () => void) => () => void;
  /** Quiet time before work is scheduled, ms (default 120). */
  quietMs?: number;
  /** Longest delay while mutations keep coming, ms (default 1000). */
  maxWaitMs?: number;
  /** Cheap fingerprint of the view; onChange is skipped while it stays the same. */
  viewKey?: () => string;
}

interface NavigationLike extends EventTarget {
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null): void;
}

export function watchThread(options: WatchThreadOptions): () => void {
  const win = options.window;
  const quietMs = options.quietMs ?? 120;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  const requestIdle = options.requestIdle ?? defaultIdle(win);
  const now = () => win.performance?.now() ?? Date.now();

  let observed: Element | null = null;
  let dirty = false;
  let firstDirtyAt = 0;
  let lastDirtyAt = 0;
  let timer: number | undefined;
  let cancelIdle: (() => void) | undefined;
  let lastHref = win.location.href;
  let lastKey = options.viewKey?.();
  let disposed = false;

  const MutationObserverCtor = (win as Window & typeof globalThis).MutationObserver;
  const observer = new MutationObserverCtor(() => {
    markDirty();
  });

  const attach = (): void => {
    const next = options.root() ?? win.document.body;
    if (next === observed) return;
    observer.disconnect();
    observed = next;
    if (!next) return;
    observer.observe(next, { childList: true, subtree: true });
    if (next.parentNode) observer.observe(next.parentNode, { childList: true });
  };

  function markDirty(): void {
    const t = now();
    lastDirtyAt = t;
    if (dirty) return;
    dirty = true;
    firstDirtyAt = t;
    timer = win.setTimeout(waitForQuiet, quietMs);
  }

  function waitForQuiet(): void {
    timer = undefined;
    if (disposed) return;
    const t = now();
    const quietFor = t - lastDirtyAt;
    if (quietFor < quietMs && t - firstDirtyAt < maxWaitMs) {
      timer = win.setTimeout(waitForQuiet, quietMs - quietFor);
      return;
    }
    cancelIdle = requestIdle(flush);
  }

  function flush(): void {
    cancelIdle = undefined;
    if (disposed) return;
    dirty = false;
    attach();
    const href = win.location.href;
    const urlChanged = href !== lastHref;
    lastHref = href;
    if (options.viewKey) {
      const key = options.viewKey();
      if (!urlChanged && key === lastKey) return;
      lastKey = key;
    }
    options.onChange();
  }

  const onUrlChange = (): void => {
    markDirty();
  };

  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('currententrychange', onUrlChange);
  win.addEventListener('popstate', onUrlChange);
  win.addEventListener('hashchange', onUrlChange);
  attach();

  return () => {
    disposed = true;
    observer.disconnect();
    navigation?.removeEventListener('currententrychange', onUrlChange);
    win.removeEventListener('popstate', onUrlChange);
    win.removeEventListener('hashchange', onUrlChange);
    if (timer !== undefined) win.clearTimeout(timer);
    cancelIdle?.();
  };
}

function defaultIdle(win: Window): (run: () => void) => () => void {
  if (typeof win.requestIdleCallback === 'function') {
    return (run) => {
      const handle = win.requestIdleCallback(() => run(), { timeout: 1000 });
      return () => win.cancelIdleCallback(handle);
    };
  }
  return (run) => {
    const handle = win.setTimeout(run, 0);
    return () => win.clearTimeout(handle);
  };
}
