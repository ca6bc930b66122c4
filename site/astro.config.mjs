import react from '@astrojs/react';
import { defineConfig } from 'astro/config';

// Static output built by the site builder (scripts/server.ts), which sets these variables: it always
// builds into the same SITE_OUT_DIR and then moves the result to releases/<id>, because the content
// layer clears its data store (and with it the incremental sync) whenever outDir changes.
export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL ?? 'http://127.0.0.1:3000',
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  cacheDir: process.env.SITE_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // One shared, hashed, immutable stylesheet instead of CSS inlined into every page.
    inlineStylesheets: 'never',
    concurrency: Number(process.env.SITE_BUILD_CONCURRENCY ?? 4),
  },
  integrations: [react()],
  server: { host: '127.0.0.1', port: 3000 },
  telemetry: false,
  experimental: {
    // Pages whose getStaticPaths() cacheKey (content digests + global data) is unchanged are reused.
    incrementalBuild: true,
  },
});
