import { and, asc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import { users } from '../db/schema.js';
import type { ROLES } from '../db/schema.js';

type Role = (typeof ROLES)[number];
import { mysqlErrorCode, type Db } from './database.js';

export type UserRow = typeof users.$inferSelect;
export type NewUser = Pick<UserRow, 'email' | 'name' | 'passwordHash' | 'role'>;
export type UserPatch = Partial<
  Pick<
    UserRow,
    | 'name'
    | 'role'
    | 'disabledAt'
    | 'passwordHash'
    | 'passwordChangedAt'
    | 'lastLoginAt'
    | 'totpSecret'
    | 'totpEnabledAt'
    | 'recoveryCodes'
    | 'totpLastStep'
  >
>;

export class UserRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row;
  }

  async findByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email));
    return row;
  }

  /** Inserts and returns the row; a duplicate e-mail surfaces as `false`. */
  async create(user: NewUser & { id: string }): Promise<boolean> {
    try {
      await this.db.insert(users).values(user);
      return true;
    } catch (err) {
      if (mysqlErrorCode(err) === 'ER_DUP_ENTRY') return false;
      throw err;
    }
  }

  async update(id: string, patch: UserPatch): Promise<void> {
    await this.db.update(users).set(patch).where(eq(users.id, id));
  }

  /** Sets the TOTP step only when it is newer than the last one used (one-time use of a code). */
  async claimTotpStep(id: string, step: number): Promise<boolean> {
    const [res] = await this.db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, id), or(isNull(users.totpLastStep), sql`${users.totpLastStep} < ${step}`)));
    return res.affectedRows === 1;
  }

  /** False when rows elsewhere (posts) still reference the user. */
  async delete(id: string): Promise<boolean> {
    try {
      await this.db.delete(users).where(eq(users.id, id));
      return true;
    } catch (err) {
      if (mysqlErrorCode(err) === 'ER_ROW_IS_REFERENCED_2') return false;
      throw err;
    }
  }

  async countAdmins(): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)));
    return Number(row?.n ?? 0);
  }

  /** Keyset pagination by e-mail. */
  async list(opts: { limit: number; after?: string; role?: Role }): Promise<UserRow[]> {
    const where: SQL[] = [];
    if (opts.after) where.push(gt(users.email, opts.after));
    if (opts.role) where.push(eq(users.role, opts.role));
    return this.db
      .select()
      .from(users)
      .where(and(...where))
      .orderBy(asc(users.email))
      .limit(opts.limit);
  }
}
