// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';
import globals from 'globals';

/** Modules that only exist inside an extension context. */
const EXTENSION_APIS = ['wxt', 'wxt/*', '#imports', 'webextension-polyfill', '@webext-core/*', '@wxt-dev/*'];
/** The database lives in the background only (ARCHITECTURE.md). */
const DATABASE = ['idb', 'fake-indexeddb', '**/utils/db', '**/utils/db/*', '@/utils/db', '@/utils/db/*'];

/** The pure domain: no extension APIs, views or entrypoints. */
const PURE_DOMAIN = [
  { group: EXTENSION_APIS, message: 'utils/ is pure TypeScript: no extension APIs.' },
  { group: ['**/entrypoints/**', '**/components/**', '@/entrypoints/*', '@/components/*', 'preact', 'preact/*'], message: 'utils/ imports nothing from entrypoints/ or components/.' },
  { group: ['idb', 'fake-indexeddb'], message: 'Only utils/db talks to IndexedDB.' },
  { group: ['**/extension/*', '@/utils/extension/*'], message: 'The domain does not call into the extension wiring.' },
];

/** Directions between layers of utils/ (issue 19: types live with their owners). */
const LAYERS = {
  mailbox: { group: ['**/mailbox/*', '**/mailbox/**', '@/utils/mailbox/*', '@/utils/mailbox/**'], message: 'The thread snapshot is the domain\'s (utils/cases/mail-thread.ts): utils/mailbox imports it, not the other way round.' },
  sync: { group: ['**/sync/*', '@/utils/sync/*'], message: 'The records the team shares are the domain\'s (utils/cases/team-docs.ts): utils/sync imports them, not utils/db.' },
  messages: { group: ['**/messages', '**/messages.ts', '@/utils/messages'], message: 'Use cases do not know the messaging protocol: the router (utils/extension) maps messages to them.' },
};

/** Every area of utils/ with the full list of what it may not import (flat config replaces, never merges, a rule's options). */
const DOMAIN_AREAS = [
  { files: ['utils/*.ts', 'utils/{cases,practice,sla,calendar,classify,templates,metrics,settings,backup,privacy,countdown,sync,shared-inbox}/**/*.ts'], patterns: [...PURE_DOMAIN, LAYERS.mailbox] },
  { files: ['utils/desk/**/*.ts'], patterns: [...PURE_DOMAIN, LAYERS.mailbox, LAYERS.messages] },
  { files: ['utils/{mailbox,insertion}/**/*.ts'], patterns: PURE_DOMAIN },
  {
    files: ['utils/db/**/*.ts'],
    patterns: [{ group: EXTENSION_APIS, message: 'utils/db takes an IDBFactory; no extension APIs.' }, LAYERS.mailbox, LAYERS.sync, LAYERS.messages],
  },
];

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
  // The domain is pure TypeScript: no extension APIs, no views, no entrypoints; and each layer
  // imports only in the allowed direction (see LAYERS).
  ...DOMAIN_AREAS.map(({ files, ignores, patterns }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': ['error', { patterns }],
      'no-restricted-globals': ['error', { name: 'browser', message: 'utils/ is pure: no extension APIs.' }, { name: 'chrome', message: 'utils/ is pure: no extension APIs.' }],
    },
  })),
  {
    // Content scripts and their runtime never open the database.
    files: ['entrypoints/*.content/**/*.{ts,tsx}', 'entrypoints/mailbox-content/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: DATABASE, message: 'Only the background opens the database.' }] }],
    },
  },
  {
    // components/ holds views: no database, and no runtime (runtimes live beside the entrypoints they serve).
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: DATABASE, message: 'Only the background opens the database.' },
        { group: ['**/entrypoints/**', '@/entrypoints/*', '@/entrypoints/**'], message: 'components/ holds views; a runtime lives beside the entrypoints it serves.' },
      ] }],
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
