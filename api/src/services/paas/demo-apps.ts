import type { PaasRepository } from '../../repositories/paas.repository.js';
import type { DemoAppLookup } from '../content/public-catalog.service.js';
import type { PaasUrls } from './views.js';

/** What the public site may know of each app a project demos: slug, name, status and URL — nothing else. */
export function demoAppLookup(apps: Pick<PaasRepository, 'listApps'>, urls: PaasUrls): DemoAppLookup {
  return async () =>
    (await apps.listApps()).map((a) => ({
      id: a.id,
      isPublic: a.isPublic,
      app: { slug: a.slug, name: a.name, status: a.status, url: urls.app(a.slug) },
    }));
}
