import { defineConfig } from 'wxt';
import { asciiRegexLiterals } from './scripts/ascii-regex-literals';
import { extensionDataAssets, extensionDataPaths } from './scripts/extension-data-assets';

/**
 * Hosts the content scripts run on. Nothing else is asked for up front: a team's sync server
 * is requested at run time through optional_host_permissions (see README, "Permissions").
 */
export const MAIL_HOSTS = [
  'https://mail.google.com/*',
  'https://outlook.live.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.cloud.microsoft/*',
];

/**
 * Where the team server may be: the optional host permissions asked for at run time (one origin,
 * when a lead connects it). The extension pages' CSP allows connections no wider than these.
 */
export const OPTIONAL_HOSTS = ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'];

/**
 * The extension pages' Content Security Policy (options, onboarding, dashboard, practice, and
 * the background, which Chromium counts as an extension page): only the extension's own
 * scripts, no eval, no plugins, no framing, no form posts, no <base>; connections only to the
 * extension itself and to where a team server may be (`https:`, loopback over http). The
 * server's origin is chosen at run time, so it cannot be named here: the host permission
 * granted for that one origin is what lets the background actually talk to it
 * (docs/security.md). Styles: the extension's own files; inline style attributes set through
 * the DOM (Preact, uPlot) are not governed by style-src.
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'none'",
  "manifest-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
].join('; ');

/** Public half of the development signing key: fixes the extension id (egkhnbhmgaollkeonbdbajkifpikgnch). */
const MANIFEST_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA7rg9Jz/k8tLqO83ejTETaF9uLJY6kOWJJn12Ayj/ouNmY8BpwS1MpAxJTNkm6P1CG3Ajg9A4piKFSwfu/Bg7Fhw02oGjDZQvKdsi1sGSnReunpkO8o8HOj5oP71uRroj4Qzq61REOCPLhyOy/Epl2KW1gqm3aZ97ff5aixu27ea9re6gB3skhWzZxmegZwuDPkfa2B12pxm2D/IABayvp0gGeSKmkbEGzwsJ3/LvrdnHrG+FweD7EvkXcbMp8KyUmnK/dn4Xs6bF/XGbXCRk3YcCxxiEzCxKPRFrH2HBDujNJqzeI/gqZ7apMTIf3FhxjzI/aPMESETOl5oPZT9tFQIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifestVersion: 3,
  hooks: {
    // Data loaded on demand, generated from the packages at build time (not bundled into scripts).
    'build:publicAssets': (_wxt, files) => {
      files.push(...extensionDataAssets());
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...extensionDataPaths());
    },
  },
  vite: () => ({
    // ASCII scripts: Chromium decodes and V8 parses them as one-byte text (see scripts/ascii-regex-literals.ts).
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact', charset: 'ascii' },
    plugins: [asciiRegexLiterals()],
    build: {
      chunkSizeWarningLimit: 1500,
      sourcemap: process.env.CASELINE_SOURCEMAP === '1',
      // Terser packs the scripts about 1 % smaller than esbuild's minifier: the service worker,
      // evaluated on every wake, is the one under a size budget (npm run bench). ASCII output, as above.
      minify: 'terser',
      terserOptions: { ecma: 2020, compress: { passes: 3 }, format: { ascii_only: true } },
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'unlimitedStorage'],
    host_permissions: MAIL_HOSTS,
    optional_host_permissions: OPTIONAL_HOSTS,
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'caseline@caseline.app',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { key: MANIFEST_KEY }),
  }),
});
