import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeRepo, viaRouter } from './paas-fixtures.js';
import { startPaasStack, type PaasStack } from './paas-stack.js';

let stack: PaasStack;
const sh = (...a: string[]) => { try { return execFileSync(a[0]!, a.slice(1), { encoding: 'utf8' }).trim(); } catch (e) { return `ERR ${(e as Error).message.split('\n')[0]}`; } };
beforeAll(async () => { stack = await startPaasStack(); }, 240_000);
afterAll(async () => { await stack?.close(); }, 200_000);

it('debug', async () => {
  const server = "require('node:http').createServer((req, res) => { if (req.url === '/crash') { res.end('bye'); setTimeout(() => process.exit(1), 50); return; } res.end('alive'); }).listen(Number(process.env.PORT), '0.0.0.0');\n";
  const app = await stack.createApp('Crash Once', (await makeRepo(stack.root, 'crash-once', { 'package.json': JSON.stringify({ name: 'crash-once', version: '1.0.0', main: 'index.js' }), 'index.js': server })).url);
  const done = await stack.settled((await stack.deploy(app.id)).id);
  console.log('STATUS', done.status, done.reason);
  console.log('crash', (await viaRouter(stack.routerPort, stack.host(app.slug), '/crash')).body);
  const t0 = Date.now();
  const q = `require("dns").lookup("ov-app-${app.id}",{all:true},(e,a)=>console.log(e&&e.code,JSON.stringify(a)))`;
  for (let i = 0; i < 14; i++) {
    const t = Date.now();
    const r = await viaRouter(stack.routerPort, stack.host(app.slug)).then((x) => `${x.status} ${x.body.slice(0, 20)}`, (e) => String(e));
    const row = await stack.call('GET', `/api/v1/admin/paas/apps/${app.id}`).then((x) => x.json() as Promise<{ status: string }>);
    console.log(`[${t - t0}] ${Date.now() - t}ms ${r} app=${row.status} dns=${sh('docker', 'exec', `ov-test-router-${process.pid}`, 'node', '-e', q)} ps=${sh('docker', 'service', 'ps', '--format', '{{.CurrentState}}', `ov-app-${app.id}`).replace(/\n/g, ' | ')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  console.log('ROUTER LOGS', sh('docker', 'logs', '--tail', '20', `ov-test-router-${process.pid}`));
  expect(done.status).toBe('running');
}, 300_000);
