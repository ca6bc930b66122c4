import { useCallback, useEffect, useMemo, useState } from 'react';
import { createAdminApi } from './api/client';
import type { User } from './api/types';
import { Layout } from './components/Layout';
import { UiProvider } from './components/UiProvider';
import { Loading } from './components/bits';
import { navigate, useRoute } from './lib/router';
import { makeSession, SessionContext } from './lib/session';
import { INBOX_CHANGED } from './lib/events';
import { routeElement } from './routes';
import { Login } from './screens/Login';
import { ResetPassword } from './screens/ResetPassword';
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
    () => createAdminApi(apiUrl || import.meta.env.PUBLIC_API_URL || DEFAULT_API, () => setUser(null)),
    [apiUrl],
  );
  const route = useRoute();
  const [unread, setUnread] = useState(0);

  useEffect(() => {
    let live = true;
    api.client.GET('/api/v1/auth/me').then(
      (r) => live && setUser(r.response.ok && r.data ? r.data : null),
      () => live && setUser(null),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const signOut = useCallback(async () => {
    await api.client.POST('/api/v1/auth/logout').catch(() => undefined);
    api.setCsrfToken(undefined);
    setUser(null);
    navigate('/', undefined, true);
  }, [api]);

  const session = useMemo(() => (user ? makeSession(api, user, setUser, signOut) : null), [api, user, signOut]);

  // The inbox count in the navigation: polled, and refreshed at once when the inbox changes.
  useEffect(() => {
    if (!session?.can('inbox:read')) return;
    const load = () =>
      api.client.GET('/api/v1/admin/messages/unread-count').then((r) => r.data && setUnread(r.data.unread), () => undefined);
    load();
    const timer = setInterval(load, 60_000);
    window.addEventListener(INBOX_CHANGED, load);
    return () => {
      clearInterval(timer);
      window.removeEventListener(INBOX_CHANGED, load);
    };
  }, [api, session]);

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
      <div className="admin-root">{body}</div>
    </UiProvider>
  );
}
