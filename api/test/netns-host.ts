import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/**
 * A test host on this machine: a network namespace joined to the host by a veth pair, holding
 * `address` (e.g. the cloud metadata address 169.254.169.254) and an HTTP server on port 80 that
 * counts the requests it gets. Needs root (ip netns). Nothing leaves the machine.
 */
export async function startNetnsHost(address: string, hostSide: string, prefix = 24) {
  const id = randomBytes(3).toString('hex');
  const ns = `ovt-${id}`;
  const outside = `ovt${id}a`;
  const inside = `ovt${id}b`;
  const ip = (...args: string[]) => execFileSync('ip', args, { stdio: 'pipe' });
  ip('netns', 'add', ns);
  try {
    ip('link', 'add', outside, 'type', 'veth', 'peer', 'name', inside);
    ip('link', 'set', inside, 'netns', ns);
    ip('addr', 'add', `${hostSide}/${prefix}`, 'dev', outside);
    ip('link', 'set', outside, 'up');
    ip('-n', ns, 'addr', 'add', `${address}/${prefix}`, 'dev', inside);
    ip('-n', ns, 'link', 'set', inside, 'up');
    ip('-n', ns, 'link', 'set', 'lo', 'up');
    ip('-n', ns, 'route', 'add', 'default', 'via', hostSide);
  } catch (err) {
    execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
    throw err;
  }
  const requests: string[] = [];
  const server = spawn(
    'ip',
    [
      'netns',
      'exec',
      ns,
      process.execPath,
      '-e',
      `
    require('node:http').createServer((req, res) => { console.log('REQUEST ' + req.socket.remoteAddress + ' ' + req.url); res.end('instance-secret'); })
      .listen(80, ${JSON.stringify(address)}, () => console.log('READY'));
  `,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the netns test host did not start in 10 s')), 10_000);
    let buffer = '';
    server.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'READY') {
          clearTimeout(timer);
          resolve();
        } else if (line.startsWith('REQUEST ')) requests.push(line.slice(8));
      }
    });
    server.on('exit', (code) => reject(new Error(`the netns test host exited (${code})`)));
  });
  return {
    address,
    /** Requests received so far: "<client address> <path>". */
    requests: () => [...requests],
    async close() {
      server.kill('SIGKILL');
      try {
        execFileSync('ip', ['link', 'del', outside], { stdio: 'ignore' });
      } catch {
        // removed with the namespace
      }
      execFileSync('ip', ['netns', 'del', ns], { stdio: 'ignore' });
    },
  };
}
