import type { APIRoute } from 'astro';

export const GET: APIRoute = ({ site }) => {
  const origin = new URL(site!).origin;
  return new Response(
    `User-agent: *
Allow: /
Disallow: /preview/
Disallow: /_builder/
Disallow: /contact/send

Sitemap: ${origin}/sitemap.xml
`,
    { headers: { 'content-type': 'text/plain; charset=utf-8' } },
  );
};
