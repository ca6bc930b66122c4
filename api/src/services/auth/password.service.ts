import { v7 as uuidv7 } from 'uuid';
import type { EmailJobData, PasswordResetJobData } from '../../jobs/job-spec.js';
import { Errors } from '../../errors/catalogue.js';
import type { Bucket } from '../../repositories/rate-limit.repository.js';
import type { PasswordResetRepository } from '../../repositories/password-reset.repository.js';
import type { UserRepository } from '../../repositories/user.repository.js';
import type { AuditService } from '../audit.service.js';
import { addressKey } from './address-key.js';
import { normalizeEmail, type PasswordVerifier } from './auth.service.js';
import { passwordProblem } from './password-policy.js';
import type { Actor, ClientInfo } from './principal.js';
import { sha256 } from './token.service.js';
import type { RevocationService } from './revocation.service.js';

export interface Mailer {
  enqueueEmail(data: EmailJobData): Promise<void>;
}

export interface ResetJobs {
  enqueueReset(data: PasswordResetJobData): Promise<void>;
}

/** Password change and reset. Both end sessions: a new password must lock out whoever had the old. */
export class PasswordService {
  constructor(
    private readonly users: UserRepository,
    private readonly revocation: RevocationService,
    private readonly resets: PasswordResetRepository,
    private readonly hasher: PasswordVerifier,
    private readonly resetJobs: ResetJobs,
    private readonly resetLimit: Bucket,
    private readonly audit: AuditService,
  ) {}

  /** Changes the password and ends every other session of the user (this one stays signed in). */
  async change(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    if (actor.principal.kind !== 'user') throw Errors.forbidden();
    const user = await this.users.findById(actor.principal.userId);
    if (!user) throw Errors.notFound('User not found.');
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw Errors.validation('The current password is wrong.', [
        { field: 'body.currentPassword', message: 'is wrong' },
      ]);
    }
    assertStrong(newPassword, user.email, 'body.newPassword');
    await this.users.update(user.id, {
      passwordHash: await this.hasher.hash(newPassword),
      passwordChangedAt: new Date(),
    });
    const ended = await this.revocation.revokeAllForUser(user.id, 'password-changed', actor.principal.sessionFamilyId);
    await this.audit.record(actor, 'auth.password.change', { type: 'user', id: user.id }, { sessionsEnded: ended });
  }

  /**
   * Only queues the request (the password-reset job, PasswordResetSender, does the rest): no account
   * is looked up here, so the answer and its timing are the same whether or not the address exists.
   */
  async requestReset(emailInput: string, client: ClientInfo): Promise<void> {
    const email = normalizeEmail(emailInput);
    const limit = await this.resetLimit.consume(`${addressKey(client.ip)}|${email}`);
    if (!limit.allowed) return;
    await this.resetJobs.enqueueReset({ requestId: uuidv7(), email, ip: client.ip, userAgent: client.userAgent });
  }

  /** Single use, one hour; sets the password and ends every session of the user. */
  async confirmReset(token: string, newPassword: string, client: ClientInfo): Promise<void> {
    const invalid = () => Errors.invalidToken('This reset link is invalid, used or expired. Ask for a new one.');
    const userId = await this.resets.findValidUser(sha256(token), new Date());
    const user = userId ? await this.users.findById(userId) : undefined;
    if (!user) throw invalid();
    // A refused password must not burn the link: check it before spending the token.
    assertStrong(newPassword, user.email, 'body.newPassword');
    if ((await this.resets.consume(sha256(token), new Date())) !== user.id) throw invalid();
    await this.users.update(user.id, {
      passwordHash: await this.hasher.hash(newPassword),
      passwordChangedAt: new Date(),
    });
    const ended = await this.revocation.revokeAllForUser(user.id, 'password-reset');
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
        ...client,
      },
      'auth.password.reset',
      { type: 'user', id: user.id },
      { sessionsEnded: ended },
    );
  }
}

export function assertStrong(password: string, email: string, field: string): void {
  const problem = passwordProblem(password, { email });
  if (problem) throw Errors.validation(`The password ${problem}.`, [{ field, message: problem }]);
}
