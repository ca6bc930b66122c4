import { describe, expect, it } from 'vitest';
import type { PaasApp } from '../../api/types';
import { accessBody, accessFields } from './access-fields';

const app = (repoAccess: Partial<PaasApp['repoAccess']>) =>
  ({
    repoAccess: {
      method: 'none',
      tokenSet: false,
      gitUsername: null,
      deployKey: null,
      deployKeyFingerprint: null,
      hostKey: null,
      ...repoAccess,
    },
  }) as PaasApp;

describe('private repository fields', () => {
  it('start from what the app uses; the token field is always empty (write-only)', () => {
    expect(accessFields()).toEqual({ method: 'none', token: '', username: '' });
    expect(accessFields(app({ method: 'token', tokenSet: true, gitUsername: 'oauth2' }))).toEqual({
      method: 'token',
      token: '',
      username: 'oauth2',
    });
    expect(accessFields(app({ method: 'deployKey', deployKey: 'ssh-ed25519 AAAA x' })).method).toBe('deployKey');
  });

  it('send a token only when one was typed, and remove the secret of a method left', () => {
    const withToken = app({ method: 'token', tokenSet: true });
    expect(accessBody({ method: 'token', token: '', username: '' }, withToken)).toEqual({ gitUsername: null });
    expect(accessBody({ method: 'token', token: ' new ', username: 'x-token-auth' }, withToken)).toEqual({
      gitToken: 'new',
      gitUsername: 'x-token-auth',
    });
    expect(accessBody({ method: 'deployKey', token: '', username: '' }, withToken)).toEqual({
      gitToken: null,
      deployKey: true,
    });
    expect(accessBody({ method: 'none', token: '', username: '' }, app({ deployKey: 'ssh-ed25519 AAAA x' }))).toEqual({
      deployKey: false,
    });
    expect(accessBody({ method: 'none', token: '', username: '' })).toEqual({});
  });
});
