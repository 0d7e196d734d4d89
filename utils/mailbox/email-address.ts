/** E-mail addresses as mail pages show them: inside labels, titles and "Name <address>" texts. */

const ADDRESS = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** The first e-mail address inside a text, lower-cased; undefined when there is none. */
export function findEmailAddress(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const match = ADDRESS.exec(text);
  return match ? match[0].toLowerCase() : undefined;
}

/** Whether two addresses name the same mailbox (case-insensitive, surrounding space ignored). */
export function isSameAddress(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Outbound when the sender is the signed-in account, inbound when it is someone else, unknown without both. */
export function directionOf(sender: string | undefined, account: string | undefined): 'inbound' | 'outbound' | 'unknown' {
  if (!sender || !account) return 'unknown';
  return isSameAddress(sender, account) ? 'outbound' : 'inbound';
}
