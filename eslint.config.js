// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

/** Modules that only exist inside an extension context. */
const EXTENSION_APIS = ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@webext-core/*', '@wxt-dev/*'];
/** The database lives in the background only (ARCHITECTURE.md). */
const DATABASE = ['idb', 'fake-indexeddb', '**/utils/db', '**/utils/db/*', '@/utils/db', '@/utils/db/*'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', '.tmp/**', 'node_modules/**', 'screenshots/**', 'bench/**', 'utils/classify/model.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build DOM with Preact or textContent: Gmail enforces Trusted Types.' },
        { property: 'outerHTML', message: 'Build DOM with Preact or textContent: Gmail enforces Trusted Types.' },
      ],
    },
  },
  {
    // The domain is pure TypeScript: no extension APIs, no views, no entrypoints.
    files: ['utils/**/*.{ts,tsx}'],
    ignores: ['utils/db/**', 'utils/extension/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: EXTENSION_APIS, message: 'utils/ is pure TypeScript: no extension APIs.' },
          { group: ['**/entrypoints/**', '**/components/**', '@/entrypoints/*', '@/components/*', 'preact', 'preact/*'], message: 'utils/ imports nothing from entrypoints/ or components/.' },
          { group: ['idb', 'fake-indexeddb'], message: 'Only utils/db talks to IndexedDB.' },
          { group: ['**/extension/*', '@/utils/extension/*'], message: 'The domain does not call into the extension wiring.' },
        ],
      }],
      'no-restricted-globals': ['error', { name: 'browser', message: 'utils/ is pure: no extension APIs.' }, { name: 'chrome', message: 'utils/ is pure: no extension APIs.' }],
    },
  },
  {
    files: ['utils/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: EXTENSION_APIS, message: 'utils/db takes an IDBFactory; no extension APIs.' }] }],
      'no-restricted-globals': ['error', { name: 'browser', message: 'utils/ is pure: no extension APIs.' }, { name: 'chrome', message: 'utils/ is pure: no extension APIs.' }],
    },
  },
  {
    // Content scripts and the views they render never open the database.
    files: ['entrypoints/*.content/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: DATABASE, message: 'Only the background opens the database.' }] }],
    },
  },
  {
    // utils/extension binds the domain to extension APIs (messaging, storage, alarms): the only
    // part of utils/ that may use them.
    files: ['utils/extension/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['preact', 'preact/*', '**/components/**', '**/entrypoints/**'], message: 'No views in the wiring.' }] }] },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    rules: { 'no-restricted-properties': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
