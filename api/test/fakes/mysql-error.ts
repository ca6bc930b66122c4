/** An error shaped like mysql2's (drizzle wraps it; services read `code` or `cause.code`). */
export function mysqlError(code: string, message = code): Error & { code: string } {
  return Object.assign(new Error(message), { code });
}
