/**
 * CSV in RFC 4180 form (CRLF rows, fields quoted when they hold a comma, quote, CR or LF; quotes
 * doubled), with spreadsheet formula injection defused: a text cell starting with = + - @, a tab
 * or a CR gets a leading apostrophe and is quoted, so no spreadsheet runs it as a formula. A text
 * cell that itself starts with an apostrophe gets one more, so `unescapeCell` restores every
 * value exactly. Numbers and booleans are written as they are.
 */

export type CsvValue = string | number | boolean | null | undefined | object;

export interface CsvColumn<T> {
  key: string;
  /** Header text; default the key. */
  header?: string;
  /** Cell value; default row[key]. Objects are written as JSON. */
  value?: (row: T) => CsvValue;
}

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** Whether a text starts like a formula (= + - @ tab CR) or with the apostrophe guard itself. */
function needsGuard(text: string): boolean {
  const c = text.charCodeAt(0);
  // = + - @ \t \r '
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13 || c === 39;
}

/** One cell, escaped and quoted as needed. */
export function escapeCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  // A JSON text never starts with an apostrophe, so only formula starts are guarded there.
  const guard = typeof value === 'string' ? needsGuard(text) : needsGuard(text) && text.charCodeAt(0) !== 39;
  if (guard) text = `'${text}`;
  if (!guard && !NEEDS_QUOTES.test(text)) return text;
  return `"${text.replace(QUOTE, '""')}"`;
}

/** Undoes the apostrophe guard of a text cell. */
export function unescapeCell(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell;
}

/** Rows to CSV text with a header row; rows end with CRLF. */
export function toCsv<T>(rows: readonly T[], columns: readonly (CsvColumn<T> | string)[]): string {
  const cols: CsvColumn<T>[] = columns.map((c) => (typeof c === 'string' ? { key: c } : c));
  const parts: string[] = [cols.map((c) => escapeCell(c.header ?? c.key)).join(',')];
  for (const row of rows) {
    const cells = new Array<string>(cols.length);
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i]!;
      cells[i] = escapeCell(col.value ? col.value(row) : (row as Record<string, CsvValue>)[col.key]);
    }
    parts.push(cells.join(','));
  }
  return parts.join('\r\n') + '\r\n';
}

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; error: string };

/** Parses RFC 4180 CSV (CRLF or LF). Empty lines are skipped. */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let cellStarted = false;
  const input = text.startsWith('\ufeff') ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '' && !cellStarted)) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    cellStarted = false;
  };
  while (i < input.length) {
    const ch = input[i]!;
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = input[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          return { ok: false, line, error: 'a quoted field must end at a comma or the end of the line' };
        }
        continue;
      }
      if (ch === '\n') line += 1;
      cell += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      cellStarted = true;
      i += 1;
      continue;
    }
    if (ch === ',') {
      cells.push(cell);
      cell = '';
      cellStarted = true;
      i += 1;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    if (ch === '"') return { ok: false, line, error: 'a quote inside an unquoted field' };
    cell += ch;
    cellStarted = true;
    i += 1;
  }
  if (quoted) return { ok: false, line: recordLine, error: 'a quoted field is never closed' };
  if (cell !== '' || cells.length > 0 || cellStarted) endRecord();
  return { ok: true, records };
}
