/**
 * Mounts the one sidebar host element of a mailbox tab: a custom element with an open shadow
 * root, styles given as text (never fetched, never HTML strings). Idempotent: a second call, for
 * example after an in-app navigation, returns the existing host.
 */
export const SIDEBAR_TAG = 'caseline-sidebar';

export interface SidebarHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  created: boolean;
}

export function mountSidebarHost(doc: Document, css: string, hostName: string): SidebarHost {
  const existing = doc.querySelector<HTMLElement>(SIDEBAR_TAG);
  if (existing?.shadowRoot) {
    const container = existing.shadowRoot.querySelector<HTMLElement>('[data-caseline-root]');
    if (container) return { host: existing, shadow: existing.shadowRoot, container, created: false };
  }
  const host = doc.createElement(SIDEBAR_TAG);
  host.setAttribute('data-host', hostName);
  // The host element itself takes no room: the panel inside is fixed-positioned.
  host.style.setProperty('all', 'initial');
  host.style.setProperty('position', 'fixed');
  host.style.setProperty('z-index', '2147483000');
  host.style.setProperty('top', '0');
  host.style.setProperty('right', '0');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.setAttribute('data-caseline-root', '');
  shadow.append(style, container);
  (doc.body ?? doc.documentElement).append(host);
  return { host, shadow, container, created: true };
}
