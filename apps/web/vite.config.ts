import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const apiTarget = process.env.LUOSHI_API_URL ?? 'http://127.0.0.1:3000';

/**
 * Vendor chunks change less often than our code, so browsers keep them cached across releases.
 * antd is split by which pages use it (`entriesAware`): what every page needs loads up front,
 * while e.g. Form and its validator, only used by /login, stay in a chunk only /login loads.
 */
const vendorGroups = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/, priority: 30 },
  { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|@graphql-typed-document-node)[\\/]/, priority: 20 },
  {
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|clsx|dayjs|react-is|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|json2mq|copy-to-clipboard|toggle-selection)[\\/]/,
    priority: 10,
    entriesAware: true,
    entriesAwareMergeThreshold: 8_000,
  },
];

export default defineConfig({
  root: here,
  // Needed when an official opens the app under a sub-path behind the government gateway; '/' by default.
  base: process.env.LUOSHI_WEB_BASE ?? '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@luoshi/domain': `${workspaceRoot}libs/domain/src/index.ts`,
    },
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    port: 4300,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: `${workspaceRoot}dist/apps/web`,
    emptyOutDir: true,
    // WeCom's in-app browser on older Android phones is Chromium ~ 90.
    target: ['es2020', 'chrome90', 'safari14'],
    reportCompressedSize: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Pages are React.lazy routes and opencc-js is a dynamic import: each gets its own chunk.
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
