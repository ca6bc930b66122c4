import { jwtVerify, SignJWT } from 'jose';
import { deriveKey } from '../auth/token.service.js';

const TTL_SECONDS = 30 * 60;

/** Short-lived signed links that let the site render one draft, without a session. */
export class PreviewTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly issuer: string,
  ) {
    this.key = deriveKey(secret, 'preview');
  }

  async sign(kind: 'post' | 'page' | 'project', id: string): Promise<{ token: string; expiresAt: Date }> {
    const exp = Math.floor(Date.now() / 1000) + TTL_SECONDS;
    const token = await new SignJWT({ kind })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(this.issuer)
      .setAudience('omervision-preview')
      .setSubject(id)
      .setIssuedAt()
      .setExpirationTime(exp)
      .sign(this.key);
    return { token, expiresAt: new Date(exp * 1000) };
  }

  async verify(token: string): Promise<{ kind: string; id: string } | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: this.issuer,
        audience: 'omervision-preview',
      });
      return typeof payload.kind === 'string' && payload.sub ? { kind: payload.kind, id: payload.sub } : undefined;
    } catch {
      return undefined;
    }
  }
}
