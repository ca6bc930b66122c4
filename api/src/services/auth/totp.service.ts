import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import type { TotpActivated, TotpEnrollment } from '../../dtos/auth.dto.js';
import { Errors } from '../../errors/catalogue.js';
import type { UserRepository, UserRow } from '../../repositories/user.repository.js';
import type { AuditService } from '../audit.service.js';
import type { PasswordVerifier } from '../../repositories/password-hasher.js';
import type { Actor } from './principal.js';
import type { SecretBox } from './secret-box.js';
import { sha256 } from './token.service.js';

const PERIOD = 30;
const RECOVERY_CODES = 10;

/** Optional TOTP second factor (RFC 6238, 6 digits, 30 s), seeds sealed at rest, codes single-use. */
export class TotpService {
  constructor(
    private readonly users: UserRepository,
    private readonly box: SecretBox,
    private readonly hasher: PasswordVerifier,
    private readonly audit: AuditService,
    private readonly issuer: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts enrolment; two-factor is not required until `activate` proves the app has the seed. */
  async enroll(actor: Actor, userId: string): Promise<TotpEnrollment> {
    const user = await this.requireUser(userId);
    if (user.totpEnabledAt)
      throw Errors.conflict('Two-factor authentication is already on. Turn it off first to enrol a new device.');
    const secret = new Secret({ size: 20 });
    await this.users.update(userId, { totpSecret: this.box.seal(secret.base32), totpLastStep: null });
    await this.audit.record(actor, 'auth.totp.enroll', { type: 'user', id: userId });
    return { secret: secret.base32, otpauthUri: this.totp(secret.base32, user.email).toString() };
  }

  async activate(actor: Actor, userId: string, code: string): Promise<TotpActivated> {
    const user = await this.requireUser(userId);
    if (user.totpEnabledAt) throw Errors.conflict('Two-factor authentication is already on.');
    if (!user.totpSecret) throw Errors.conflict('Start enrolment first (POST /api/v1/auth/totp/enroll).');
    if (!(await this.checkCode(user, code))) {
      throw Errors.validation('The code does not match.', [
        { field: 'body.code', message: 'does not match the authenticator' },
      ]);
    }
    const codes = Array.from({ length: RECOVERY_CODES }, () => {
      const raw = randomBytes(5).toString('hex');
      return `${raw.slice(0, 5)}-${raw.slice(5)}`;
    });
    await this.users.update(userId, { totpEnabledAt: new Date(), recoveryCodes: codes.map((c) => sha256(c)) });
    await this.audit.record(actor, 'auth.totp.activate', { type: 'user', id: userId });
    return { recoveryCodes: codes };
  }

  async disable(actor: Actor, userId: string, password: string): Promise<void> {
    const user = await this.requireUser(userId);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      throw Errors.validation('The password is wrong.', [{ field: 'body.password', message: 'is wrong' }]);
    }
    await this.users.update(userId, { totpSecret: null, totpEnabledAt: null, recoveryCodes: null, totpLastStep: null });
    await this.audit.record(actor, 'auth.totp.disable', { type: 'user', id: userId });
  }

  /** A current TOTP code (once) or an unused recovery code (then spent). */
  async verifyLoginCode(user: UserRow, code: string): Promise<boolean> {
    const trimmed = code.trim().toLowerCase();
    if (/^\d{6}$/.test(trimmed)) return this.checkCode(user, trimmed);
    const hash = sha256(trimmed);
    const codes = user.recoveryCodes ?? [];
    if (!codes.includes(hash)) return false;
    await this.users.update(user.id, { recoveryCodes: codes.filter((c) => c !== hash) });
    return true;
  }

  private async checkCode(user: UserRow, code: string): Promise<boolean> {
    if (!user.totpSecret) return false;
    const totp = this.totp(this.box.open(user.totpSecret), user.email);
    const timestamp = this.now();
    const delta = totp.validate({ token: code, window: 1, timestamp });
    if (delta === null) return false;
    const step = Math.floor(timestamp / 1000 / PERIOD) + delta;
    return this.users.claimTotpStep(user.id, step);
  }

  private totp(base32: string, label: string): TOTP {
    return new TOTP({
      issuer: this.issuer,
      label,
      algorithm: 'SHA1',
      digits: 6,
      period: PERIOD,
      secret: Secret.fromBase32(base32),
    });
  }

  private async requireUser(id: string): Promise<UserRow> {
    const user = await this.users.findById(id);
    if (!user) throw Errors.notFound('User not found.');
    return user;
  }
}
