import type { ProgressLog } from '../../api/src/services/ops/backup.service.js';

/** Progress as readable lines (the services log structured details; a terminal wants a sentence). */
export const consoleLog: ProgressLog = {
  info: (details, message) => console.log(`• ${message}${describe(details)}`),
  warn: (details, message) => console.warn(`! ${message}${describe(details)}`),
};

function describe(details: Record<string, unknown>): string {
  const parts = Object.entries(details)
    .filter(([, v]) => v !== undefined && v !== null && (typeof v !== 'object' || (Array.isArray(v) && v.length > 0)))
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`);
  return parts.length ? `  (${parts.join(' ')})` : '';
}

/** A catalogue error shows its code and detail; anything else its message. Exit code 1. */
export function fail(err: unknown): void {
  const e = err as { code?: string; detail?: string; message?: string };
  console.error(e?.code && e.detail ? `✗ ${e.code}: ${e.detail}` : `✗ ${e?.message ?? String(err)}`);
  process.exitCode = 1;
}
