import type { ReactElement } from 'react';
import type { Scope } from './api/types';
import { PageHeader } from './components/bits';
import { MediaLibrary } from './features/media/MediaLibrary';
import { PaasAppDetail } from './features/paas/PaasAppDetail';
import { PaasApps } from './features/paas/PaasApps';
import { PostEditor } from './features/posts/PostEditor';
import { PostsList } from './features/posts/PostsList';
import { match, type Route } from './lib/router';
import type { Session } from './lib/session';
import { Account } from './features/account/Account';
import { Dashboard } from './features/system/Dashboard';
import { Inbox } from './features/inbox/Inbox';
import { PageEditor } from './features/pages/PageEditor';
import { PagesList } from './features/pages/PagesList';
import { ProjectEditor } from './features/projects/ProjectEditor';
import { ProjectsList } from './features/projects/ProjectsList';
import { Settings } from './features/system/Settings';
import { Skills } from './features/skills/Skills';
import { Tags } from './features/tags/Tags';
import { ApiKeys } from './features/system/ApiKeys';
import { Audit } from './features/system/Audit';
import { SiteBuilds } from './features/system/SiteBuilds';
import { Users } from './features/system/Users';
import { WebhookDetail } from './features/system/WebhookDetail';
import { Webhooks } from './features/system/Webhooks';

interface RouteDef {
  pattern: string;
  scope?: Scope;
  render(params: Record<string, string>, route: Route): ReactElement;
}

const ROUTES: RouteDef[] = [
  { pattern: '/', render: () => <Dashboard /> },
  { pattern: '/account', render: () => <Account /> },
  { pattern: '/posts', scope: 'content:read', render: (_, r) => <PostsList query={r.query} /> },
  { pattern: '/posts/new', scope: 'content:write', render: () => <PostEditor key="new" /> },
  { pattern: '/posts/:id', scope: 'content:read', render: (p) => <PostEditor key={p.id} id={p.id} /> },
  { pattern: '/pages', scope: 'content:read', render: () => <PagesList /> },
  { pattern: '/pages/new', scope: 'content:publish', render: () => <PageEditor key="new" /> },
  { pattern: '/pages/:id', scope: 'content:read', render: (p) => <PageEditor key={p.id} id={p.id} /> },
  { pattern: '/projects', scope: 'content:read', render: () => <ProjectsList /> },
  { pattern: '/projects/new', scope: 'content:publish', render: () => <ProjectEditor key="new" /> },
  { pattern: '/projects/:id', scope: 'content:read', render: (p) => <ProjectEditor key={p.id} id={p.id} /> },
  { pattern: '/tags', scope: 'content:read', render: () => <Tags /> },
  { pattern: '/skills', scope: 'content:read', render: () => <Skills /> },
  { pattern: '/media', scope: 'media:read', render: () => <MediaLibrary /> },
  { pattern: '/inbox', scope: 'inbox:read', render: (_, r) => <Inbox query={r.query} /> },
  { pattern: '/site', scope: 'site:read', render: () => <SiteBuilds /> },
  { pattern: '/apps', scope: 'paas:read', render: () => <PaasApps /> },
  { pattern: '/apps/:id', scope: 'paas:read', render: (p) => <PaasAppDetail key={p.id} id={p.id!} /> },
  { pattern: '/settings', scope: 'settings:read', render: () => <Settings /> },
  { pattern: '/users', scope: 'users:manage', render: () => <Users /> },
  { pattern: '/api-keys', scope: 'apikeys:manage', render: () => <ApiKeys /> },
  { pattern: '/webhooks', scope: 'webhooks:manage', render: () => <Webhooks /> },
  { pattern: '/webhooks/:id', scope: 'webhooks:manage', render: (p) => <WebhookDetail key={p.id} id={p.id!} /> },
  { pattern: '/audit', scope: 'audit:read', render: () => <Audit /> },
];

export function routeElement(route: Route, session: Session): ReactElement {
  for (const def of ROUTES) {
    const params = match(def.pattern, route.path);
    if (!params) continue;
    if (def.scope && !session.can(def.scope)) {
      return (
        <PageHeader title="Not allowed">
          <p>Your role ({session.user.role}) cannot open this screen.</p>
        </PageHeader>
      );
    }
    return def.render(params, route);
  }
  return (
    <PageHeader title="Not found">
      <p>
        There is no screen at <code>{route.path}</code>. <a href="#/">Back to the dashboard</a>.
      </p>
    </PageHeader>
  );
}
