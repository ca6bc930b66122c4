import type { Role } from '../../src/services/auth/policy.js';
import type { NewUser, UserPatch, UserRepository, UserRow } from '../../src/repositories/user.repository.js';
import type { Port } from './port.js';

export class FakeUserRepository implements Port<UserRepository> {
  rows = new Map<string, UserRow>();
  /** Users referenced by other rows (posts): deleting them fails as the foreign key makes it. */
  referenced = new Set<string>();

  add(user: Partial<UserRow> & Pick<UserRow, 'id' | 'email' | 'passwordHash'>): UserRow {
    const now = new Date();
    const row: UserRow = {
      name: 'User',
      role: 'admin',
      disabledAt: null,
      totpSecret: null,
      totpEnabledAt: null,
      recoveryCodes: null,
      totpLastStep: null,
      passwordChangedAt: null,
      lastLoginAt: null,
      createdAt: now,
      updatedAt: now,
      ...user,
    };
    this.rows.set(row.id, row);
    return row;
  }

  async findById(id: string): Promise<UserRow | undefined> {
    const row = this.rows.get(id);
    return row && structuredClone(row);
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const row = [...this.rows.values()].find((u) => u.email === email);
    return row && structuredClone(row);
  }

  async create(user: NewUser & { id: string }): Promise<boolean> {
    if ([...this.rows.values()].some((u) => u.email === user.email)) return false;
    this.add(user);
    return true;
  }

  async update(id: string, patch: UserPatch): Promise<void> {
    const row = this.rows.get(id);
    if (row) this.rows.set(id, { ...row, ...structuredClone(patch), updatedAt: new Date() });
  }

  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || (row.totpLastStep !== null && row.totpLastStep >= step)) return false;
    row.totpLastStep = step;
    return true;
  }

  async delete(id: string): Promise<boolean> {
    if (this.referenced.has(id)) return false;
    this.rows.delete(id);
    return true;
  }

  async countAdmins(): Promise<number> {
    return [...this.rows.values()].filter((u) => u.role === 'admin' && u.disabledAt === null).length;
  }

  async list(opts: { limit: number; after?: string; role?: Role }): Promise<UserRow[]> {
    return [...this.rows.values()]
      .filter((u) => (!opts.after || u.email > opts.after) && (!opts.role || u.role === opts.role))
      .sort((a, b) => (a.email < b.email ? -1 : 1))
      .slice(0, opts.limit)
      .map((u) => structuredClone(u));
  }
}
