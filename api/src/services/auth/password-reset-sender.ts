import { v7 as uuidv7 } from 'uuid';
import type { PasswordResetJobData } from '../../jobs/job-spec.js';
import type { PasswordResetRepository } from '../../repositories/password-reset.repository.js';
import type { UserRepository } from '../../repositories/user.repository.js';
import type { AuditService } from '../audit.service.js';
import type { Mailer } from './password.service.js';
import { randomToken, sha256 } from './token.service.js';

const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * The password-reset job: the account lookup, the token and the e-mail all happen here, after the
 * HTTP answer, so nothing the requester can observe depends on whether the account exists.
 */
export class PasswordResetSender {
  constructor(
    private readonly users: UserRepository,
    private readonly resets: PasswordResetRepository,
    private readonly mailer: Mailer,
    private readonly audit: AuditService,
    private readonly resetUrl: (token: string) => string,
  ) {}

  /**
   * One mail per request: its idempotency key is the request id, so a retried job (which makes a
   * spare, unsent token) never mails twice. No account, or a disabled one: nothing happens.
   */
  async send(request: PasswordResetJobData): Promise<{ sent: boolean }> {
    const user = await this.users.findByEmail(request.email);
    if (!user || user.disabledAt) return { sent: false };
    const token = randomToken('ovp_');
    await this.resets.insert({
      id: uuidv7(),
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + RESET_TTL_MS),
    });
    const link = this.resetUrl(token);
    await this.mailer.enqueueEmail({
      key: `password-reset-${request.requestId}`,
      to: user.email,
      subject: 'Reset your OmerVision password',
      text: `Someone (hopefully you) asked to reset the password of ${user.email}.\n\nOpen this link within one hour to choose a new password:\n${link}\n\nIf it was not you, ignore this e-mail; your password stays the same.`,
    });
    await this.audit.record(
      {
        principal: {
          kind: 'user',
          userId: user.id,
          role: user.role,
          sessionFamilyId: '',
          jti: '',
          tokenExpiresAt: 0,
          via: 'bearer',
        },
        ip: request.ip,
        userAgent: request.userAgent,
      },
      'auth.password.reset-request',
      { type: 'user', id: user.id },
    );
    return { sent: true };
  }
}
