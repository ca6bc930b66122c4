import { getDomain } from 'tldts';

interface Origins {
  PAAS_DOMAIN: string;
  PAAS_APP_URL?: string;
  SITE_URL: string;
  PUBLIC_API_URL: string;
  CORS_ORIGINS: string[];
}

/**
 * PaaS apps are untrusted code served at `<slug>.<PAAS_DOMAIN>`. On the registrable domain of the
 * site, admin or API (the "site" of cookies and SameSite, by the public suffix list with its private
 * section, as browsers use it) an app could plant cookies for them (`Domain=example.com`) and send
 * them same-site requests. Says what is wrong, or nothing. IP addresses have no registrable domain.
 */
export function paasDomainProblem(env: Origins): string | undefined {
  const appHosts = [`app.${env.PAAS_DOMAIN.toLowerCase()}`];
  if (env.PAAS_APP_URL) appHosts.push(hostOf(env.PAAS_APP_URL.replaceAll('{slug}', 'app')) ?? '');
  const origins = [env.SITE_URL, env.PUBLIC_API_URL, ...env.CORS_ORIGINS];
  for (const appHost of appHosts) {
    const shared = registrableDomain(appHost);
    if (!shared) continue;
    const clash = origins.find((origin) => registrableDomain(hostOf(origin) ?? '') === shared);
    if (clash) {
      return `apps at ${appHost} would share the registrable domain ${shared} with ${clash}, so an app could set cookies for it; serve apps from a domain of their own (e.g. apps.example-apps.com for example.com)`;
    }
  }
  return undefined;
}

function registrableDomain(host: string): string | undefined {
  return (host && getDomain(host, { allowPrivateDomains: true })) || undefined;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}
