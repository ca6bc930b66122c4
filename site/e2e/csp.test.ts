import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoSettings } from '../../api/src/db/seed-content.js';
import { eventually } from '../../api/test/harness.js';
import { paasFrameSources } from '../scripts/lib/csp.ts';
import { ADMIN, startStack, type Stack } from './stack.ts';

// The Content-Security-Policy of the real site server on a real build, and Chromium running the
// site and the admin under it: Astro's inline scripts run (by hash), injected ones do not, and a
// `javascript:` link that reached the settings some other way is not rendered.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.close();
});

const directives = (policy: string) =>
  Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

/** The sha256 of every inline script a browser would run, computed here from the served HTML. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
}

/** Collects CSP violations in the page (the event fires for every blocked script, frame, fetch…). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __csp: string[] }).__csp = []);
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

describe('Content-Security-Policy', () => {
  it('CSP header on site and admin pages: scripts from the site and hashed inline scripts only', async () => {
    for (const path of ['/', '/admin/', '/contact/', '/paas/some-app/', '/blog/', '/no-such-page/']) {
      const res = await fetch(`${stack.site.url}${path}`);
      const policy = res.headers.get('content-security-policy');
      expect(policy, path).toBeTruthy();
      const d = directives(policy!);
      expect(d['script-src']![0], path).toBe("'self'");
      expect(
        d['script-src']!.every((s) => s === "'self'" || /^'sha256-[\w+/]+=*'$/.test(s)),
        policy!,
      ).toBe(true);
      expect(d['object-src']).toEqual(["'none'"]);
      expect(d['base-uri']).toEqual(["'self'"]);
      expect(d['frame-ancestors']).toEqual(["'none'"]);
      expect(d['connect-src']).toContain(new URL(stack.api.url).origin);
      // The /paas/ page embeds the apps where the API says they are.
      const env = stack.api.infra.env;
      expect(d['frame-src']).toEqual(
        paasFrameSources({
          PAAS_APP_URL: env.PAAS_APP_URL,
          PAAS_DOMAIN: env.PAAS_DOMAIN,
          PAAS_ROUTER_PORT: String(env.PAAS_ROUTER_PORT),
        }),
      );
      // Every inline script of the page is allowed by its hash, and nothing else is.
      expect([...d['script-src']!.slice(1)].sort(), path).toEqual([...new Set(inlineScripts(await res.text()))].sort());
    }
    // The admin page has the island loader inline: without its hash the admin would not start.
    const admin = directives((await fetch(`${stack.site.url}/admin/`)).headers.get('content-security-policy')!);
    expect(admin['script-src']!.length).toBeGreaterThan(1);
  });

  it('the admin loads and signs in under the CSP in Chromium, with no violation', async () => {
    const context = await stack.browser.newContext();
    const page = await context.newPage();
    const violations = await watchViolations(page);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${stack.site.url}/admin/`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
    // Screens that call the API (connect-src) and show media.
    await page.goto(`${stack.site.url}/admin/#/posts`);
    await page.getByRole('heading', { name: 'Posts', level: 1 }).waitFor();
    await page.goto(`${stack.site.url}/admin/#/media`);
    await page.getByRole('heading', { name: 'Media', level: 1 }).waitFor();
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);

    // And the policy is enforced: a script injected into the page does not run.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    expect((await violations()).some((v) => v.startsWith('script-src'))).toBe(true);
    await context.close();
  });

  it('public pages with islands and inline scripts run under the CSP in Chromium', async () => {
    const page = await stack.browser.newPage();
    const violations = await watchViolations(page);
    await page.goto(`${stack.site.url}/contact/`);
    // Hydrated: the island took over the form's validation.
    await page.waitForFunction(() => document.querySelector('form.contact')?.hasAttribute('novalidate'));
    await page.goto(`${stack.site.url}/paas/no-such-app/`);
    // The page's inline module script ran and asked the API.
    await page.waitForFunction(() => document.querySelector('#paas-title')?.textContent === 'no-such-app');
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('a javascript: link that reached the settings without the API is not rendered', async () => {
    const pool = stack.api.infra.database.pool;
    const navigation = [
      { label: 'Blog', href: '/blog' },
      { label: 'Evil', href: 'javascript:alert(document.cookie)' },
      { label: 'Away', href: '//evil.example/' },
    ];
    const social = [
      { label: 'GitHub', url: 'https://github.com/omervision' },
      { label: 'Evil', url: 'JavaScript:alert(1)' },
    ];
    await pool.query("UPDATE site_settings SET value = ? WHERE `key` = 'navigation'", [JSON.stringify(navigation)]);
    await pool.query("UPDATE site_settings SET value = ? WHERE `key` = 'social'", [JSON.stringify(social)]);
    // Any settings change rebuilds the site (and drops the API's settings cache).
    const marker = `CSP check ${Date.now()}`;
    const patched = await stack.call('PATCH', '/api/v1/admin/settings', {
      site: { title: 'OmerVision', description: marker, locale: 'tr-TR' },
    });
    expect(patched.status).toBe(200);
    const html = await eventually(
      async () => {
        const text = await (await fetch(`${stack.site.url}/`)).text();
        return text.includes(marker) ? text : undefined;
      },
      120_000,
      500,
    );
    expect(html).toContain('href="/blog/"');
    expect(html).toContain('href="https://github.com/omervision"');
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html).not.toContain('evil.example');
    await stack.call('PATCH', '/api/v1/admin/settings', {
      navigation: demoSettings.navigation,
      social: demoSettings.social,
    });
  });
});
