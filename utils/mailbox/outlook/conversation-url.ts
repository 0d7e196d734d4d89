/**
 * Outlook web addresses: /mail/id/<id>, /mail/inbox/id/<id>, /mail/0/inbox/id/<id>,
 * /mail/deeplink/read/<id>, or ?ItemID=<id>; ids are URL-encoded (AQQkAD…%3D).
 */

export const OUTLOOK_HOSTS = ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'] as const;

/** Whether a URL belongs to Outlook web. */
export function isOutlookUrl(url: string): boolean {
  try {
    return (OUTLOOK_HOSTS as readonly string[]).includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The conversation (or item) id in an Outlook URL, decoded; undefined for lists and settings. */
export function threadIdFromUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const param = parsed.searchParams.get('ItemID') ?? parsed.searchParams.get('itemid');
  if (param) return param;
  const match = /\/(?:id|deeplink\/read)\/([^/?#]+)/.exec(parsed.pathname);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return match[1];
  }
}

/** The address that opens a conversation from the current Outlook address (same host, same folder). */
export function threadUrl(threadId: string, currentUrl: string): string {
  const url = new URL(currentUrl);
  const folder = url.pathname.replace(/\/(?:id|deeplink\/read)\/.*$/, '').replace(/\/+$/, '');
  const base = folder.startsWith('/mail') ? folder : '/mail';
  url.pathname = `${base}/id/${encodeURIComponent(threadId)}`;
  url.search = '';
  url.hash = '';
  return url.toString();
}
