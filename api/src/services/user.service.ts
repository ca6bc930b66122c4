import { v7 as uuidv7 } from 'uuid';
import type { UserView } from '../dtos/auth.dto.js';
import type { CreateUserRequest, UpdateProfileRequest, UpdateUserRequest, UserPage } from '../dtos/user.dto.js';
import { Errors } from '../errors/catalogue.js';
import type { UserRepository, UserPatch } from '../repositories/user.repository.js';
import { changes, type AuditService } from './audit.service.js';
import { normalizeEmail, toUserView, type PasswordVerifier } from './auth/auth.service.js';
import { assertStrong } from './auth/password.service.js';
import { ROLE_RANK, type Role } from './auth/policy.js';
import type { Actor } from './auth/principal.js';
import type { RevocationService } from './auth/revocation.service.js';

/** Staff accounts. Admin-only, except a user editing their own name. */
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly revocation: RevocationService,
    private readonly hasher: PasswordVerifier,
    private readonly audit: AuditService,
  ) {}

  async list(opts: { limit: number; cursor?: string; role?: Role }): Promise<UserPage> {
    const rows = await this.users.list({ limit: opts.limit + 1, after: opts.cursor, role: opts.role });
    const page = rows.slice(0, opts.limit);
    return { items: page.map(toUserView), nextCursor: rows.length > opts.limit ? page[page.length - 1]!.email : null };
  }

  async get(id: string): Promise<UserView> {
    return toUserView(await this.require(id));
  }

  async create(actor: Actor, input: CreateUserRequest): Promise<UserView> {
    const email = normalizeEmail(input.email);
    assertStrong(input.password, email, 'body.password');
    const id = uuidv7();
    const created = await this.users.create({
      id,
      email,
      name: input.name.trim(),
      role: input.role,
      passwordHash: await this.hasher.hash(input.password),
    });
    if (!created) {
      throw Errors.conflict('A user with this e-mail already exists.', [
        { field: 'body.email', message: 'already in use' },
      ]);
    }
    await this.audit.record(actor, 'user.create', { type: 'user', id }, { email, role: input.role });
    return this.get(id);
  }

  async update(actor: Actor, id: string, input: UpdateUserRequest): Promise<UserView> {
    const user = await this.require(id);
    const self = actor.principal.kind === 'user' && actor.principal.userId === id;
    if (self && input.role && ROLE_RANK[input.role] > ROLE_RANK[user.role]) {
      throw Errors.forbidden('You cannot raise your own role.');
    }
    if (self && input.disabled) throw Errors.conflict('You cannot disable your own account.');
    const demotesOrDisablesAdmin = user.role === 'admin' && ((input.role && input.role !== 'admin') || input.disabled);
    if (demotesOrDisablesAdmin && (await this.users.countAdmins()) <= 1) {
      throw Errors.conflict('This is the last active admin; promote someone else first.');
    }
    const patch: UserPatch = {};
    if (input.name !== undefined) patch.name = input.name.trim();
    if (input.role !== undefined) patch.role = input.role;
    if (input.disabled !== undefined) patch.disabledAt = input.disabled ? (user.disabledAt ?? new Date()) : null;
    await this.users.update(id, patch);
    if (input.disabled || (input.role && input.role !== user.role)) {
      // Disabled accounts and changed roles take effect now, not at the next refresh.
      await this.revocation.revokeAllForUser(id, input.disabled ? 'user-disabled' : 'role-changed');
    }
    await this.audit.record(
      actor,
      'user.update',
      { type: 'user', id },
      changes(
        { name: user.name, role: user.role, disabled: user.disabledAt !== null },
        { name: patch.name, role: patch.role, disabled: input.disabled },
      ),
    );
    return this.get(id);
  }

  async updateProfile(actor: Actor, input: UpdateProfileRequest): Promise<UserView> {
    if (actor.principal.kind !== 'user') throw Errors.forbidden();
    const id = actor.principal.userId;
    const user = await this.require(id);
    if (input.name !== undefined) await this.users.update(id, { name: input.name.trim() });
    await this.audit.record(
      actor,
      'user.profile.update',
      { type: 'user', id },
      changes({ name: user.name }, { name: input.name?.trim() }),
    );
    return this.get(id);
  }

  async delete(actor: Actor, id: string): Promise<void> {
    const user = await this.require(id);
    if (actor.principal.kind === 'user' && actor.principal.userId === id)
      throw Errors.conflict('You cannot delete your own account.');
    if (user.role === 'admin' && !user.disabledAt && (await this.users.countAdmins()) <= 1) {
      throw Errors.conflict('This is the last active admin.');
    }
    await this.revocation.revokeAllForUser(id, 'user-deleted');
    if (!(await this.users.delete(id))) {
      throw Errors.conflict('This user authored content; disable the account instead of deleting it.');
    }
    await this.audit.record(actor, 'user.delete', { type: 'user', id }, { email: user.email });
  }

  private async require(id: string) {
    const user = await this.users.findById(id);
    if (!user) throw Errors.notFound('User not found.');
    return user;
  }
}
