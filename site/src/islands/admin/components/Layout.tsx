import { useEffect, useState, type ReactNode } from 'react';
import type { Scope } from '../api/types';
import { href } from '../lib/router';
import { useSession } from '../lib/session';

interface NavItem {
  path: string;
  label: string;
  scope?: Scope;
}

const NAV: { group: string; items: NavItem[] }[] = [
  {
    group: 'Content',
    items: [
      { path: '/', label: 'Dashboard' },
      { path: '/posts', label: 'Posts', scope: 'content:read' },
      { path: '/pages', label: 'Pages', scope: 'content:read' },
      { path: '/projects', label: 'Projects', scope: 'content:read' },
      { path: '/tags', label: 'Tags', scope: 'content:read' },
      { path: '/skills', label: 'Skills', scope: 'content:read' },
      { path: '/media', label: 'Media', scope: 'media:read' },
      { path: '/inbox', label: 'Inbox', scope: 'inbox:read' },
    ],
  },
  {
    group: 'Site',
    items: [
      { path: '/site', label: 'Site builds', scope: 'site:read' },
      { path: '/apps', label: 'Apps', scope: 'paas:read' },
      { path: '/settings', label: 'Settings', scope: 'settings:read' },
    ],
  },
  {
    group: 'Administration',
    items: [
      { path: '/users', label: 'Users', scope: 'users:manage' },
      { path: '/api-keys', label: 'API keys', scope: 'apikeys:manage' },
      { path: '/webhooks', label: 'Webhooks', scope: 'webhooks:manage' },
      { path: '/audit', label: 'Audit log', scope: 'audit:read' },
    ],
  },
];

function isCurrent(item: string, path: string): boolean {
  return item === '/' ? path === '/' : path === item || path.startsWith(`${item}/`);
}

export function Layout({ path, unread, children }: { path: string; unread: number; children: ReactNode }) {
  const { user, can, signOut } = useSession();
  const [open, setOpen] = useState(false);
  // A phone-width menu closes once a screen is chosen.
  useEffect(() => setOpen(false), [path]);

  return (
    <div className="admin-shell">
      <a
        className="skip"
        href="#admin-main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('admin-main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="btn-icon menu-toggle"
          aria-expanded={open}
          aria-controls="admin-nav"
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">☰</span> <span className="visually-hidden">Menu</span>
        </button>
        <a className="brand" href={href('/')}>
          OmerVision <span>admin</span>
        </a>
        <div className="topbar-user">
          <a href={href('/account')} aria-current={isCurrent('/account', path) ? 'page' : undefined}>
            {user.name} <span className="muted">({user.role})</span>
          </a>
          <button type="button" className="btn btn-small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <div className="admin-body">
        <nav id="admin-nav" className={open ? 'sidenav open' : 'sidenav'} aria-label="Admin">
          {NAV.map((group) => {
            const items = group.items.filter((i) => !i.scope || can(i.scope));
            if (!items.length) return null;
            return (
              <div key={group.group} className="nav-group">
                <p className="nav-title">{group.group}</p>
                <ul>
                  {items.map((item) => (
                    <li key={item.path}>
                      <a href={href(item.path)} aria-current={isCurrent(item.path, path) ? 'page' : undefined}>
                        {item.label}
                        {item.path === '/inbox' && unread > 0 && (
                          <span className="count" aria-label={`${unread} unread`}>
                            {unread}
                          </span>
                        )}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            );
          })}
          <div className="nav-group">
            <ul>
              <li>
                <a href="/" target="_blank" rel="noopener">
                  View site ↗
                </a>
              </li>
            </ul>
          </div>
        </nav>
        <main id="admin-main" className="admin-main" tabIndex={-1}>
          {children}
        </main>
      </div>
    </div>
  );
}
