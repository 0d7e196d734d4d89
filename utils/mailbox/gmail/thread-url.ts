/**
 * Gmail addresses: https://mail.google.com/mail/u/0/#inbox/FMfcgz… (a thread token), also under
 * #label/<name>/…, #search/<query>/…, #all/…, #sent/…; older links use the 16-digit hex legacy id.
 * The URL token is not always equal to the legacy id readThread reports: use it to tell threads
 * apart in navigation, and the snapshot's threadId to name cases.
 */

const TOKEN = /^[A-Za-z0-9_-]{16,}$/;

/** The thread token in a Gmail URL, or undefined when the URL shows a list, settings or compose. */
export function threadIdFromUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const th = parsed.searchParams.get('th');
  if (th && TOKEN.test(th)) return th;
  const hash = decodeURIComponent(parsed.hash.replace(/^#/, '')).split('?')[0] ?? '';
  const segments = hash.split('/').filter(Boolean);
  if (segments.length < 2 || segments[0] === 'settings') return undefined;
  const last = segments[segments.length - 1]!;
  return TOKEN.test(last) ? last : undefined;
}

/** "thread-f:1840959905192440233" or "#thread-f:…" → the legacy hex id ("198c…"); undefined otherwise. */
export function legacyIdFromPermanentId(permanent: string | null | undefined): string | undefined {
  if (!permanent) return undefined;
  const match = /thread-[a-z]:(\d{6,})/.exec(permanent);
  if (!match) return undefined;
  try {
    return BigInt(match[1]!).toString(16);
  } catch {
    return undefined;
  }
}

/** The address that opens a thread from the current Gmail address (same account, same list or label). */
export function threadUrl(threadId: string, currentUrl: string): string {
  const url = new URL(currentUrl);
  const hash = url.hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = hash.split('/').filter(Boolean);
  if (segments.length >= 2 && TOKEN.test(decodeURIComponent(segments[segments.length - 1]!))) segments.pop();
  if (segments.length === 0 || segments[0] === 'settings') segments.splice(0, segments.length, 'inbox');
  url.hash = `${segments.join('/')}/${encodeURIComponent(threadId)}`;
  return url.toString();
}
