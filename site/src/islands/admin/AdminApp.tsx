import { useCallback, useEffect, useMemo, useState } from 'react';
import { createAdminApi } from './api/client';
import { sessionEnded, sessionState } from './api/session-hint';
import type { User } from './api/types';
import { Layout } from './components/Layout';
import { UiProvider, useUi } from './components/UiProvider';
import { Loading } from './components/bits';
import { navigate, useRoute } from './lib/router';
import { makeSession, SessionContext } from './lib/session';
import { INBOX_CHANGED } from './lib/events';
import { confirmLeave, installLeaveGuard, setLeaveQuestion } from './lib/unsaved';
import { routeElement } from './routes';
import { Login } from './features/account/Login';
import { ResetPassword } from './features/account/ResetPassword';
import './admin.css';

interface Props {
  /** The API's public base URL (PUBLIC_API_URL when the site was built). */
  apiUrl?: string;
}

const DEFAULT_API = 'http://127.0.0.1:8000';

/** The admin: one React island, hash-routed, talking to the API with cookies only. */
export default function AdminApp({ apiUrl }: Props) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const api = useMemo(
    () =>
      createAdminApi(apiUrl || import.meta.env.PUBLIC_API_URL || DEFAULT_API, () => (sessionEnded(), setUser(null))),
    [apiUrl],
  );
  const route = useRoute();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    let live = true;
    // No session started in this browser: the sign-in form, without a request that can only fail.
    const state = sessionState();
    if (state === 'none') {
      setUser(null);
      return;
    }
    (async () => {
      if (state === 'expired' && !(await api.refresh())) return live && (sessionEnded(), setUser(null));
      const r = await api.client.GET('/api/v1/auth/me');
      if (live) setUser(r.response.ok && r.data ? r.data : null);
    })().catch(() => live && setUser(null));
    return () => {
      live = false;
    };
  }, [api]);

  const signOut = useCallback(async () => {
    if (!(await confirmLeave())) return;
    await api.client.POST('/api/v1/auth/logout').catch(() => undefined);
    api.setCsrfToken(undefined);
    sessionEnded();
    setUser(null);
    navigate('/', undefined, true);
  }, [api]);

  const session = useMemo(() => (user ? makeSession(api, user, setUser, signOut) : null), [api, user, signOut]);

  // The inbox count in the navigation: polled while the tab is visible, and refreshed at once when
  // the inbox changes, when the tab comes back, and on every change of screen.
  const canInbox = Boolean(session?.can('inbox:read'));
  const loadUnread = useCallback(() => {
    if (!canInbox || document.visibilityState === 'hidden') return;
    void api.client.GET('/api/v1/admin/messages/unread-count').then(
      (r) => r.data && setUnread(r.data.unread),
      () => undefined,
    );
  }, [api, canInbox]);
  useEffect(() => {
    if (!canInbox) return;
    const timer = setInterval(loadUnread, 20_000);
    window.addEventListener(INBOX_CHANGED, loadUnread);
    document.addEventListener('visibilitychange', loadUnread);
    return () => {
      clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED, loadUnread);
      document.removeEventListener('visibilitychange', loadUnread);
    };
  }, [canInbox, loadUnread]);
  useEffect(loadUnread, [loadUnread, route.path]);

  let body;
  if (route.path === '/reset-password') {
    body = <ResetPassword api={api} token={route.query.get('token') ?? ''} />;
  } else if (user === undefined) {
    body = <Loading label="Checking your session…" />;
  } else if (!session) {
    body = <Login api={api} onSignedIn={setUser} />;
  } else {
    body = (
      <SessionContext.Provider value={session}>
        <Layout path={route.path} unread={unread}>
          {routeElement(route, session)}
        </Layout>
      </SessionContext.Provider>
    );
  }
  return (
    <UiProvider>
      <LeaveGuard />
      <div className="admin-root">{body}</div>
    </UiProvider>
  );
}

/** Leaving an editor with unsaved edits asks in the admin's own dialog. */
function LeaveGuard() {
  const { confirm } = useUi();
  useEffect(() => {
    installLeaveGuard();
    setLeaveQuestion(() =>
      confirm({
        title: 'Leave without saving?',
        message: 'This screen has changes that are not saved yet. If you leave now, they are lost.',
        confirmLabel: 'Leave without saving',
        danger: true,
      }),
    );
  }, [confirm]);
  return null;
}
