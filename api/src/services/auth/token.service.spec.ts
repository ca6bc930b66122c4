import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { deriveKey, InvalidTokenError, TokenService } from './token.service.js';

const SECRET = 'unit-test-secret-0123456789-0123456789';
const ISSUER = 'http://api.test';

describe('TokenService', () => {
  it('round-trips the claims', async () => {
    const tokens = new TokenService(SECRET, ISSUER);
    const { token, claims } = await tokens.signAccess({ id: 'u1', role: 'editor' }, 'fam1');
    const verified = await tokens.verifyAccess(token);
    expect(verified).toEqual(claims);
    expect(claims.exp - claims.iat).toBe(15 * 60);
  });

  it('rejects tampered, expired, wrong-audience, wrong-issuer and alg:none tokens', async () => {
    const tokens = new TokenService(SECRET, ISSUER);
    const { token } = await tokens.signAccess({ id: 'u1', role: 'viewer' }, 'fam1');
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'admin' }),
    ).toString('base64url');
    await expect(tokens.verifyAccess(`${h}.${forged}.${s}`)).rejects.toThrow(InvalidTokenError);

    const later = new TokenService(SECRET, ISSUER, () => Date.now() + 16 * 60_000);
    await expect(later.verifyAccess(token)).rejects.toThrow(InvalidTokenError);

    const key = deriveKey(SECRET, 'access-jwt');
    const base = () =>
      new SignJWT({ role: 'admin', sid: 'f' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u')
        .setJti('j')
        .setIssuedAt()
        .setExpirationTime('5m');
    await expect(tokens.verifyAccess(await base().setIssuer(ISSUER).setAudience('other').sign(key))).rejects.toThrow(
      InvalidTokenError,
    );
    await expect(
      tokens.verifyAccess(await base().setIssuer('http://evil').setAudience('omervision-api').sign(key)),
    ).rejects.toThrow(InvalidTokenError);
    const none = new UnsecuredJWT({ role: 'admin', sid: 'f' })
      .setIssuer(ISSUER)
      .setAudience('omervision-api')
      .setSubject('u')
      .setJti('j')
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    await expect(tokens.verifyAccess(none)).rejects.toThrow(InvalidTokenError);
    await expect(tokens.verifyAccess('not-a-jwt')).rejects.toThrow(InvalidTokenError);
  });

  it('a token signed with another secret fails', async () => {
    const { token } = await new TokenService('another-secret-0123456789-0123456789', ISSUER).signAccess(
      { id: 'u', role: 'admin' },
      'f',
    );
    await expect(new TokenService(SECRET, ISSUER).verifyAccess(token)).rejects.toThrow(InvalidTokenError);
  });
});
