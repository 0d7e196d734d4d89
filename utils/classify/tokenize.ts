/**
 * Words of a prepared message, normalised the same way for training and classification: lower
 * case, typographic apostrophes folded, numbers collapsed, CFPB redaction marks ("XXXX",
 * "XX/XX/2019", "{$850.00}") removed so they cannot become a signal of their own.
 */

const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'nowhere', 'neither', 'nor', 'cannot', 'without']);
const SCOPE_END = new Set(['.', '!', '?', ',', ';', ':', 'but', 'however']);

export function normaliseForTokens(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\{\$[\d,.]+\}/g, ' $0 ')
    .replace(/\bx{2,}(?:\/x{2,}){0,2}(?:\/\d{2,4})?\b/g, ' ')
    .replace(/\b\d[\d,.:/-]*\b/g, ' 0 ');
}

/** Word tokens and the punctuation that matters for tone (? ! $). */
export function tokenize(text: string): string[] {
  const normal = normaliseForTokens(text);
  const tokens = normal.match(/[a-z\u00c0-\u024f]+(?:'[a-z]+)*|0|[?!$£€.,;:]/g) ?? [];
  const out: string[] = [];
  for (const t of tokens) {
    if (t.endsWith("n't")) {
      out.push(t === "won't" ? 'will' : t === "can't" ? 'can' : t.slice(0, -3));
      out.push('not');
    } else if (t === 'cannot') {
      out.push('can', 'not');
    } else if (t === 'cant' || t === 'dont' || t === 'doesnt' || t === 'didnt' || t === 'wont' || t === 'isnt' || t === 'wasnt' || t === 'havent') {
      out.push(t === 'cant' ? 'can' : t === 'wont' ? 'will' : t.slice(0, -2), 'not');
    } else {
      out.push(t);
    }
  }
  return out;
}

/** Marks each word that sits inside a negation's scope (until punctuation or "but"). */
export function negationScope(tokens: string[]): boolean[] {
  const marked = new Array<boolean>(tokens.length).fill(false);
  let inScope = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (SCOPE_END.has(t)) {
      inScope = 0;
      continue;
    }
    if (inScope > 0) {
      marked[i] = true;
      inScope--;
    }
    if (NEGATORS.has(t)) inScope = 4;
  }
  return marked;
}

export const isWord = (t: string): boolean => {
  const c = t.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
};
