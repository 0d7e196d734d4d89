/**
 * Mounts the one sidebar host element of a mailbox tab: a custom element with a CLOSED shadow
 * root, styles given as text (never fetched, never HTML strings).
 *
 * The mailbox page shares the DOM with the content script, so it can always see the host
 * element. Closed, the shadow root is out of its reach: `host.shadowRoot` is null for the page,
 * events from inside are retargeted to the host, and the page cannot read the case shown, the
 * queue (other cases), or click the sidebar's buttons from script. The host's own position and
 * visibility are set inline and `!important`, which no page stylesheet outranks; a page that
 * rewrites the host's style attribute or removes the host gets it back at the next view change
 * (`keepSidebarHost`).
 *
 * Idempotent within the content script's world: a second call returns the existing host. The
 * record of it lives in the content script's own global, which the page cannot reach, so a page
 * that plants an element with the same tag neither stops the sidebar nor receives it.
 */
export const SIDEBAR_TAG = 'caseline-sidebar';

export interface SidebarHost {
  host: HTMLElement;
  shadow: ShadowRoot;
  container: HTMLElement;
  created: boolean;
}

const MOUNTED = '__caselineSidebarHost';
type HostRegistry = { [MOUNTED]?: Omit<SidebarHost, 'created'> };

/** The host's inline style: the element takes no room (the panel inside is fixed-positioned). */
const HOST_STYLE: ReadonlyArray<[string, string]> = [
  ['all', 'initial'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['position', 'fixed'],
  ['z-index', '2147483000'],
  ['top', '0'],
  ['right', '0'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['pointer-events', 'auto'],
];

/** Events from the agent's typing and editing inside the sidebar. */
const CONTAINED_EVENTS = ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend', 'copy', 'cut', 'paste'] as const;

function styleHost(host: HTMLElement): void {
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
}

export function mountSidebarHost(doc: Document, css: string, hostName: string): SidebarHost {
  const registry = globalThis as HostRegistry;
  const existing = registry[MOUNTED];
  if (existing && existing.host.ownerDocument === doc) return { ...existing, created: false };
  const host = doc.createElement(SIDEBAR_TAG);
  host.setAttribute('data-host', hostName);
  styleHost(host);
  const shadow = host.attachShadow({ mode: 'closed' });
  // What the agent types in the sidebar stops at its edge: the page's bubbling listeners (its
  // keyboard shortcuts among them) never hear it. Listeners the page sets to capture still see
  // each key, retargeted to the host (docs/security.md).
  for (const type of CONTAINED_EVENTS) shadow.addEventListener(type, (e) => e.stopPropagation());
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.setAttribute('data-caseline-root', '');
  shadow.append(style, container);
  (doc.body ?? doc.documentElement).append(host);
  registry[MOUNTED] = { host, shadow, container };
  return { host, shadow, container, created: true };
}

/**
 * A cheap check at each view change: puts the host back if the page removed it, and its inline
 * style if the page changed it. Returns whether anything had to be restored.
 */
export function keepSidebarHost(doc: Document, mounted: Pick<SidebarHost, 'host'>): boolean {
  let restored = false;
  if (!mounted.host.isConnected) {
    (doc.body ?? doc.documentElement).append(mounted.host);
    restored = true;
  }
  // `all` itself reads back as '' once longhands follow it: the longhands are what is checked.
  const changed = HOST_STYLE.some(([property, value]) => property !== 'all' && (mounted.host.style.getPropertyValue(property) !== value || mounted.host.style.getPropertyPriority(property) !== 'important'));
  if (changed || mounted.host.hidden) {
    mounted.host.hidden = false;
    mounted.host.removeAttribute('style');
    styleHost(mounted.host);
    restored = true;
  }
  return restored;
}
