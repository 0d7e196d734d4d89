/**
 * What both mailbox content scripts do: mount the one sidebar host and render the sidebar into
 * it. Host knowledge arrives through the adapter passed in; nothing here knows a host's markup.
 */
import { render } from 'preact';
import { mountSidebarHost } from '../sidebar/mount-sidebar-host';
import css from '../sidebar/sidebar.css?inline';

export interface ContentOptions {
  host: 'gmail' | 'outlook';
}

export function startMailboxContent(options: ContentOptions): void {
  const started = performance.now();
  const mounted = mountSidebarHost(document, css, options.host);
  if (!mounted.created) return;
  render(
    <section class="panel" aria-label="Caseline">
      <header>Caseline</header>
      <div class="body">Open a conversation to see its case.</div>
    </section>,
    mounted.container,
  );
  // Read by `npm run bench`: time from the content script's start (document idle) to the sidebar mounted.
  mounted.host.dataset.mountMs = (performance.now() - started).toFixed(3);
}
