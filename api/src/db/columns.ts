import { sql } from 'drizzle-orm';
import { char, customType, datetime } from 'drizzle-orm/mysql-core';
import { v7 as uuidv7 } from 'uuid';

/** Primary keys are UUIDv7: opaque in URLs, yet time-ordered so InnoDB inserts stay append-only. */
export const id = (name = 'id') =>
  char(name, { length: 36 })
    .primaryKey()
    .$defaultFn(() => uuidv7());

/** A foreign key to a UUID primary key. */
export const ref = (name: string) => char(name, { length: 36 });

/** Millisecond UTC timestamps (the pool runs with timezone 'Z'). */
export const timestamp = (name: string) => datetime(name, { mode: 'date', fsp: 3 });

export const createdAt = () =>
  timestamp('created_at')
    .notNull()
    .default(sql`CURRENT_TIMESTAMP(3)`);
export const updatedAt = () =>
  timestamp('updated_at')
    .notNull()
    .default(sql`CURRENT_TIMESTAMP(3)`)
    .$onUpdateFn(() => new Date());

/**
 * JSON column that reads back on both engines: MySQL returns parsed JSON, MariaDB stores JSON as
 * LONGTEXT and returns a string, which drizzle's own json() leaves unparsed.
 */
export const json = <T>(name: string) =>
  customType<{ data: T; driverData: string | T }>({
    dataType: () => 'json',
    toDriver: (value) => JSON.stringify(value),
    fromDriver: (value) => (typeof value === 'string' ? (JSON.parse(value) as T) : value),
  })(name);
