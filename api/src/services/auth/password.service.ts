import { v7 as uuidv7 } from 'uuid';
import type { EmailJobData } from '../../jobs/job-spec.js';
import { Errors } from '../../errors/catalogue.js';
import type { Bucket } from '../../repositories/rate-limit.repository.js';
import type { PasswordResetRepository } from '../../repositories/password-reset.repository.js';
import type { UserRepository } from '../../repositories/user.repository.js';
import type { AuditService } from '../audit.service.js';
import { normalizeEmail, type PasswordVerifier } from './auth.service.js';
import { passwordProblem } from './password-policy.js';
import type { Actor, ClientInfo } from './principal.js';
import { randomToken, sha256 } from './token.service.js';
import type { RevocationService } from './revocation.service.js';

const RESET_TTL_MS = 60 * 60 * 1000;

export interface Mailer {
  enqueueEmail(data: EmailJobData): Promise<void>;
}

/** Password change and reset. Both end sessions: a new password must lock out whoever had the old. */
export class PasswordService {
  constructor(
    private readonly users: UserRepository,
    private readonly revocation: RevocationService,
    private readonly resets: PasswordResetRepository,
    private readonly hasher: PasswordVerifier,
    private readonly mailer: Mailer,
    private readonly resetLimit: Bucket,
    private readonly audit: AuditService,
    private readonly resetUrl: (token: string) => string,
  ) {}

  /** Changes the password and ends every other session of the user (this one stays signed in). */
  async change(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    if (actor.principal.kind !== 'user') throw Errors.forbidden();
    const user = await this.users.findById(actor.principal.userId);
    if (!user) throw Errors.notFound('User not found.');
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw Errors.validation('The current password is wrong.', [{ field: 'body.currentPassword', message: 'is wrong' }]);
    }
    assertStrong(newPassword, user.email, 'body.newPassword');
    await this.users.update(user.id, { passwordHash: await this.hasher.hash(newPassword), passwordChangedAt: new Date() });
    const ended = await this.revocation.revokeAllForUser(user.id, 'password-changed', actor.principal.sessionFamilyId);
    await this.audit.record(actor, 'auth.password.change', { type: 'user', id: user.id }, { sessionsEnded: ended });
  }

  /**
   * Same answer whether or not the address exists (no account enumeration); the mail goes out
   * through the e-mail job, so the response time does not tell either.
   */
  async requestReset(emailInput: string, client: ClientInfo): Promise<void> {
    const email = normalizeEmail(emailInput);
    const limit = await this.resetLimit.consume(`${client.ip}|${email}`);
    if (!limit.allowed) return;
    const user = await this.users.findByEmail(email);
    if (!user || user.disabledAt) return;
    const token = randomToken('ovp_');
    const id = uuidv7();
    await this.resets.insert({ id, userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    const link = this.resetUrl(token);
    await this.mailer.enqueueEmail({
      key: `password-reset-${id}`,
      to: user.email,
      subject: 'Reset your OmerVision password',
      text: `Someone (hopefully you) asked to reset the password of ${user.email}.\n\nOpen this link within one hour to choose a new password:\n${link}\n\nIf it was not you, ignore this e-mail; your password stays the same.`,
    });
    await this.audit.record({ principal: { kind: 'user', userId: user.id, role: user.role, sessionFamilyId: '', jti: '', tokenExpiresAt: 0, via: 'bearer' }, ...client }, 'auth.password.reset-request', { type: 'user', id: user.id });
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
    await this.users.update(user.id, { passwordHash: await this.hasher.hash(newPassword), passwordChangedAt: new Date() });
    const ended = await this.revocation.revokeAllForUser(user.id, 'password-reset');
    await this.audit.record({ principal: { kind: 'user', userId: user.id, role: user.role, sessionFamilyId: '', jti: '', tokenExpiresAt: 0, via: 'bearer' }, ...client }, 'auth.password.reset', { type: 'user', id: user.id }, { sessionsEnded: ended });
  }
}

export function assertStrong(password: string, email: string, field: string): void {
  const problem = passwordProblem(password, { email });
  if (problem) throw Errors.validation(`The password ${problem}.`, [{ field, message: problem }]);
}
