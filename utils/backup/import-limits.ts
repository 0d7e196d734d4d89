/**
 * How large a file Caseline accepts for import, checked before anything is read or parsed: in
 * the page against the file's size, in the background against the text's length. A backup
 * crosses the extension's messaging as one string (Chromium refuses messages above 64 MiB) and
 * is parsed in memory, so the cap keeps a wrong or hostile file from taking the browser's memory.
 * A year of a busy agent's log (about 12,000 cases, 75,000 events) is about 25 MiB as a backup.
 */
export const MAX_BACKUP_BYTES = 40 * 1024 * 1024;
/** A CSV of cases or events: the same cap. */
export const MAX_CSV_BYTES = MAX_BACKUP_BYTES;
/** A templates file (a team's library is a few hundred kilobytes). */
export const MAX_TEMPLATES_BYTES = 5 * 1024 * 1024;

/** The sentence for a file over its cap. */
export function tooLargeMessage(what: string, size: number, max: number): string {
  return `The ${what} is ${mebibytes(size)}; Caseline reads at most ${mebibytes(max)}, so nothing was read or changed.`;
}

/** A size in MiB for a sentence (one decimal below 10 MiB). */
export function mebibytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}
