import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The `@/` imports of entrypoints and components (WXT's alias), for unit tests that load them. */
const ROOT_ALIAS = { '@/': fileURLToPath(new URL('./', import.meta.url)) };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias: ROOT_ALIAS },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          setupFiles: ['tests/support/node-test-setup.ts'],
          testTimeout: 30_000,
        },
        esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/node-test-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          maxWorkers: 1,
        },
      },
    ],
  },
});
