/**
 * Build step (a Vite plugin in wxt.config.ts): the scripts come out as plain ASCII. esbuild's
 * `charset: 'ascii'` escapes strings, templates and names, but leaves regular-expression literals
 * as written ("a écrit", "grüße" in the mail-history patterns); one such character makes Chromium
 * decode and V8 parse the whole script as two-byte text, which a service worker pays on every
 * wake. This writes those characters as \uXXXX escapes, which mean the same inside a pattern.
 */
import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  regex?: unknown;
}

function regexLiterals(node: unknown, found: Array<[number, number]>): void {
  if (Array.isArray(node)) {
    for (const child of node) regexLiterals(child, found);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const n = node as Node;
  if (n.type === 'Literal' && n.regex) {
    found.push([n.start, n.end]);
    return;
  }
  for (const value of Object.values(node)) if (value !== null && typeof value === 'object') regexLiterals(value, found);
}

const escape = (text: string) =>
  text.replace(/[^\0-\x7f]/g, (c) => {
    const code = c.charCodeAt(0);
    return `\\u${code.toString(16).padStart(4, '0')}`;
  });

export function asciiRegexLiterals(): Plugin {
  return {
    name: 'caseline:ascii-regex-literals',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !/[^\0-\x7f]/.test(chunk.code)) continue;
        const ranges: Array<[number, number]> = [];
        regexLiterals(this.parse(chunk.code), ranges);
        let code = chunk.code;
        // From the end, so earlier offsets stay valid.
        for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) {
          const literal = code.slice(start, end);
          if (/[^\0-\x7f]/.test(literal)) code = code.slice(0, start) + escape(literal) + code.slice(end);
        }
        chunk.code = code;
      }
    },
  };
}
