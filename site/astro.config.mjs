import { defineConfig } from 'astro/config';

// Static output: the site is plain files served from a CDN. The real pages come with the site issue.
export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL ?? 'http://127.0.0.1:3000',
  server: { host: '127.0.0.1', port: 3000 },
  telemetry: false,
});
