import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ContractValidator, formatViolation, type Violation } from './validator.js';

/**
 * Contract tests for the whole integration suite: every response a test receives through `fetch`
 * from an API the harness started (startTestApi) is checked against openapi/openapi.json — declared
 * status, body schema, documented headers. The violations of one test fail that test (afterEach);
 * those seen outside a test (beforeAll/afterAll) fail the file. Each file's violations are also
 * written to `.data/contract/<file>.json` for a whole-run view.
 *
 * OV_CONTRACT=fail (default) | report (only write the file) | off.
 */
const MODE = process.env.OV_CONTRACT ?? 'fail';
const SPEC = new URL('../../../openapi/openapi.json', import.meta.url);
const OUT_DIR = new URL('../../../.data/contract/', import.meta.url);
/** A body still unread after this long (a stream that never ends) is left unchecked. */
const BODY_TIMEOUT_MS = 5_000;

interface Recorded extends Violation {
  test: string;
}

const origins = new Set<string>();
const pending = new Set<Promise<void>>();
let current: Recorded[] = [];
const all: Recorded[] = [];
let validator: Promise<ContractValidator> | undefined;
let file = 'unknown';

/** Called by startTestApi: responses from this origin are held to the contract. */
export function watchContract(url: string): void {
  if (MODE === 'off' || !process.env.VITEST || !inIntegrationSuite()) return;
  origins.add(new URL(url).origin);
  validator ??= ContractValidator.fromFile(SPEC);
  installFetch();
}

function inIntegrationSuite(): boolean {
  // Browser tests (site/e2e) start the API through the same harness; this check is for api/test.
  const path = testPath();
  return path === undefined || /[\\/]api[\\/]test[\\/]/.test(path);
}

let installed = false;
function installFetch(): void {
  if (installed) return;
  installed = true;
  const original = globalThis.fetch;
  globalThis.fetch = async function contractFetch(
    input: string | URL | Request,
    init?: RequestInit,
  ): Promise<Response> {
    const res = await original(input, init);
    const url = res.url || (input instanceof Request ? input.url : String(input));
    if (!origins.has(safeOrigin(url))) return res;
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const test = testName();
    const check = observe(method, url, res).then(
      (violations) => void record(test, violations),
      (err: unknown) =>
        void record(test, [
          {
            operation: `${method} ${url}`,
            status: res.status,
            pointer: '',
            message: `could not check: ${String(err)}`,
          },
        ]),
    );
    pending.add(check);
    void check.finally(() => pending.delete(check));
    return res;
  };
}

async function observe(method: string, url: string, res: Response): Promise<Violation[]> {
  const type = res.headers.get('content-type') ?? '';
  let body: string | undefined;
  if (method !== 'HEAD' && !type.startsWith('text/event-stream') && res.body) {
    // A clone, so the test reads the body as before; a text read of a binary body is harmless.
    const clone = res.clone();
    const text = clone.text();
    const timer = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), BODY_TIMEOUT_MS).unref());
    body = await Promise.race([text, timer]);
    if (body === undefined) void clone.body?.cancel().catch(() => {});
  } else if (!res.body) body = '';
  return (await validator!).check({ method, url, status: res.status, headers: res.headers, body });
}

function record(test: string, violations: Violation[]): void {
  for (const v of violations) {
    const r = { ...v, test };
    current.push(r);
    all.push(r);
  }
}

async function settle(): Promise<Recorded[]> {
  await Promise.all([...pending]);
  const found = current;
  current = [];
  return found;
}

function failWith(found: Recorded[], where: string): void {
  if (found.length === 0 || MODE !== 'fail') return;
  // `/items/0/x`, `/items/1/x`, … are one finding: counted, not listed 50 times.
  const counts = new Map<string, number>();
  for (const v of found) {
    const line = formatViolation({ ...v, pointer: v.pointer.replace(/\/\d+(?=\/|$)/g, '/*') });
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  const lines = [...counts].map(([line, n]) => (n > 1 ? `${line} (×${n})` : line));
  throw new Error(`${where}: ${lines.length} response(s) break openapi/openapi.json\n  ${lines.join('\n  ')}`);
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

type ExpectState = { currentTestName?: string; testPath?: string };
let getState: (() => ExpectState) | undefined;
function testName(): string {
  return getState?.().currentTestName ?? '(outside a test)';
}
function testPath(): string | undefined {
  return getState?.().testPath;
}

// Registered while the test file is collected (this module is imported by harness.ts at its top).
if (process.env.VITEST && MODE !== 'off') {
  const { afterAll, afterEach, expect } = await import('vitest');
  getState = () => expect.getState() as ExpectState;
  file = basename(testPath() ?? 'unknown');
  afterEach(async () => failWith(await settle(), 'contract'));
  afterAll(async () => {
    const stray = await settle();
    if (origins.size > 0) {
      const out = new URL(`${file}.json`, OUT_DIR);
      if (all.length === 0) rmSync(out, { force: true });
      else {
        mkdirSync(OUT_DIR, { recursive: true });
        writeFileSync(out, JSON.stringify(all, null, 1));
      }
    }
    failWith(stray, 'contract (outside a test)');
  });
}
