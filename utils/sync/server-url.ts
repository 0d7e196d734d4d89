/**
 * The team server's address as typed in the settings or given to the setup script: HTTPS, or
 * plain HTTP on a loopback address only (a server on the same machine). Credentials in the URL
 * are taken out (the password goes to `/_session`, never into stored settings).
 */
export type CheckedServerUrl =
  | { ok: true; url: string; origin: string; credentials?: { name: string; password: string } }
  | { ok: false; reason: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkServerUrl(input: string): CheckedServerUrl {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, reason: 'This is not a web address (it should look like https://couch.example.org).' };
  }
  const loopback = LOOPBACK.has(u.hostname) || /^127\.\d+\.\d+\.\d+$/.test(u.hostname);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback)) {
    return { ok: false, reason: 'Use https:// — plain http:// is accepted only for a server on this computer.' };
  }
  if (u.search || u.hash) return { ok: false, reason: 'Leave out ? and # parts: give the server address only.' };
  const credentials = u.username ? { name: decodeURIComponent(u.username), password: decodeURIComponent(u.password) } : undefined;
  u.username = '';
  u.password = '';
  const url = u.toString().replace(/\/+$/, '');
  return { ok: true, url, origin: u.origin, ...(credentials ? { credentials } : {}) };
}

/** The host permission pattern that lets the extension reach a server URL (match patterns carry no port). */
export function hostPermissionPattern(url: string): string {
  const u = new URL(url.trim());
  return `${u.protocol}//${u.hostname}/*`;
}
