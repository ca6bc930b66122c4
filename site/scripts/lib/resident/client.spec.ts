import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResidentRenderer } from './client.ts';

// A stand-in renderer speaking the same protocol: its behaviour per build comes from FAKE_PLAN
// (`ok:<rssMb>`, `fail`, `exit`, `hang`), one entry per build it receives.
const FAKE = `
const plan = (process.env.FAKE_PLAN || '').split(',');
let n = 0, cold = true;
process.on('message', (m) => {
  const step = plan[n++] || 'ok:100';
  console.log('build', n, step, 'pid', process.pid);
  if (step === 'fail') return process.send({ type: 'failed', error: 'Error: page /x failed\\n    at stack' });
  if (step === 'exit') process.exit(3);
  if (step === 'hang') return;
  const rssMb = Number(step.split(':')[1]);
  process.send({ type: 'done', result: { mode: cold ? 'cold' : 'warm', pagesBuilt: 1, pagesSkipped: 0,
    rendered: [], removed: [], timingsMs: {}, content: {}, memory: { rssMb, heapUsedMb: 1 }, apiKey: m.apiKey } });
  cold = false;
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
`;

const dirs: string[] = [];
const renderers: ResidentRenderer[] = [];
function renderer(plan: string, opts: { timeoutMs?: number; maxRssMb?: number } = {}): ResidentRenderer {
  const dir = mkdtempSync(join(tmpdir(), 'ov-resident-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'fake.cjs'), FAKE);
  const r = new ResidentRenderer({
    siteRoot: dir,
    cwd: dir,
    env: { FAKE_PLAN: plan },
    timeoutMs: opts.timeoutMs ?? 10_000,
    maxRssMb: opts.maxRssMb ?? 1000,
    entry: join(dir, 'fake.cjs'),
  });
  renderers.push(r);
  return r;
}
afterEach(() => {
  for (const r of renderers.splice(0)) r.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('ResidentRenderer', () => {
  it('keeps one child between builds: the first build is cold, the next warm, with its output', async () => {
    const r = renderer('ok:100,ok:100');
    const first = await r.build({ fresh: false, apiKey: 'k1' });
    const pid = r.pid;
    expect(first.result.mode).toBe('cold');
    expect(first.output).toContain('build 1 ok:100');
    expect(r.warm).toBe(true);
    const second = await r.build({ fresh: false });
    expect(second.result.mode).toBe('warm');
    expect(second.output).not.toContain('build 1');
    expect(r.pid).toBe(pid);
  });

  it('starts a new child when asked for a fresh build', async () => {
    const r = renderer('ok:100');
    await r.build({ fresh: false });
    const pid = r.pid;
    const again = await r.build({ fresh: true });
    expect(again.result.mode).toBe('cold');
    expect(r.pid).not.toBe(pid);
  });

  it('replaces a child that grew past maxRssMb before its next build', async () => {
    const r = renderer('ok:900', { maxRssMb: 500 });
    await r.build({ fresh: false });
    const pid = r.pid;
    expect(r.lastRssMb).toBe(900);
    const next = await r.build({ fresh: false });
    expect(next.result.mode).toBe('cold');
    expect(r.pid).not.toBe(pid);
  });

  it('rejects with the first line of a failure and the whole of it in the output; the child is gone', async () => {
    const r = renderer('fail');
    const err = (await r.build({ fresh: false }).catch((e: unknown) => e)) as Error & { output: string };
    expect(err.message).toBe('Error: page /x failed');
    expect(err.output).toContain('at stack');
    expect(r.pid).toBeNull();
    expect(r.warm).toBe(false);
  });

  it('rejects when the child exits mid-build, and when a build outlives the timeout (killed)', async () => {
    const exits = renderer('exit');
    await expect(exits.build({ fresh: false })).rejects.toThrow(/exited with code 3/);
    const hangs = renderer('hang', { timeoutMs: 300 });
    await expect(hangs.build({ fresh: false })).rejects.toThrow(/killed after 300 ms/);
    expect(hangs.pid).toBeNull();
  });
});
