import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const here = fileURLToPath(new URL('.', import.meta.url));
// The Api serves its wwwroot: index.html at the root, hashed bundles under /app/ (git-ignored).
const outDir = resolve(here, '../CtiBridge.Api/wwwroot');

/** Removes only the previous bundles (wwwroot/app), never other files in wwwroot. */
function cleanAppDir(): Plugin {
  return {
    name: 'clean-app-dir',
    apply: 'build',
    buildStart() { rmSync(resolve(outDir, 'app'), { recursive: true, force: true }); },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [cleanAppDir()],
  build: {
    outDir,
    emptyOutDir: false,
    assetsDir: 'app',
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: true,
    rollupOptions: {
      // @microsoft/signalr ships /*#__PURE__*/ comments Rollup cannot place; harmless noise.
      onwarn(warning, warn) { if (warning.code !== 'INVALID_ANNOTATION') warn(warning); },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:5000',
      '/hubs': { target: 'http://127.0.0.1:5000', ws: true },
      '/health': 'http://127.0.0.1:5000',
    },
  },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
  },
});
