import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';

/** A local git repository with one commit on `main` (file:// URLs need PAAS_ALLOW_LOCAL_REPOS=1). */
export async function makeRepo(
  root: string,
  name: string,
  files: Record<string, string>,
  defaultBranch = 'main',
): Promise<{ dir: string; url: string; commit: (files: Record<string, string>, message: string) => Promise<void> }> {
  const dir = join(root, name);
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=Fixture', '-c', 'user.email=fixture@test.local', '-c', 'commit.gpgsign=false', ...args],
      { cwd: dir, stdio: 'pipe' },
    );
  const write = async (more: Record<string, string>) => {
    for (const [path, body] of Object.entries(more)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), body);
    }
  };
  await mkdir(dir, { recursive: true });
  await write(files);
  git('init', '-q', '-b', defaultBranch);
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');
  return {
    dir,
    url: `file://${dir}`,
    commit: async (more, message) => {
      await write(more);
      git('add', '-A');
      git('commit', '-q', '-m', message);
    },
  };
}

/**
 * A dependency-free Node server: answers with its version, probes TCP reachability for the
 * isolation test, reports its uid and whether it can write to its code or /tmp, and echoes on a
 * protocol upgrade (WebSocket-style pass-through through the router).
 */
export function nodeServer(version: string): string {
  return `const http = require('node:http');
const net = require('node:net');
const fs = require('node:fs');
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/probe') {
    const socket = net.connect({ host: url.searchParams.get('host'), port: Number(url.searchParams.get('port')) });
    const done = (result) => { socket.destroy(); res.end(result); };
    socket.setTimeout(1500, () => done('timeout'));
    socket.on('connect', () => done('connected'));
    socket.on('error', (err) => done(err.code));
    return;
  }
  if (url.pathname === '/self') {
    const tryWrite = (path) => { try { fs.writeFileSync(path, 'x'); return 'ok'; } catch (err) { return err.code; } };
    res.setHeader('content-type', 'application/json');
    return res.end(JSON.stringify({ uid: process.getuid(), app: tryWrite(__dirname + '/written.txt'), tmp: tryWrite('/tmp/written.txt'), port: process.env.PORT, greeting: process.env.GREETING || null }));
  }
  res.end('${version} from ' + (process.env.GREETING || 'node'));
});
server.on('upgrade', (req, socket) => {
  socket.write('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: echo\\r\\nConnection: Upgrade\\r\\n\\r\\n');
  socket.pipe(socket);
});
server.listen(Number(process.env.PORT), '0.0.0.0', () => console.log('listening on ' + process.env.PORT));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;
}

export interface RouterAnswer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** GET through the app router with `Host: <slug>.<domain>` (fetch cannot set Host). */
export function viaRouter(port: number, host: string, path = '/'): Promise<RouterAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host }, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('timeout', () => req.destroy(new Error('router request timed out')));
    req.on('error', reject);
    req.end();
  });
}

/** An upgrade through the router, then one echoed message over the upgraded connection. */
export function upgradeEcho(port: number, host: string, message: string): Promise<{ head: string; echoed: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET /ws HTTP/1.1\r\nHost: ${host}\r\nConnection: Upgrade\r\nUpgrade: echo\r\n\r\n`);
    });
    let raw = '';
    let sent = false;
    socket.setTimeout(10_000, () => socket.destroy(new Error('upgrade timed out')));
    socket.on('data', (d) => {
      raw += d.toString('utf8');
      const end = raw.indexOf('\r\n\r\n');
      if (end >= 0 && !sent) {
        sent = true;
        socket.write(message);
      }
      if (end >= 0 && raw.slice(end + 4) === message) {
        socket.destroy();
        resolve({ head: raw.slice(0, end), echoed: raw.slice(end + 4) });
      }
    });
    socket.on('error', reject);
  });
}

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
  /** When it arrived (ms since epoch), to tell live delivery from one burst at the end. */
  at?: number;
}

/** Reads an SSE response until `until` says stop (or the stream ends); returns the events. */
export async function readSse(
  url: string,
  headers: Record<string, string>,
  until: (events: SseEvent[]) => boolean,
  timeoutMs = 120_000,
): Promise<{ status: number; contentType: string | null; events: SseEvent[] }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const res = await fetch(url, { headers, signal: abort.signal });
  const events: SseEvent[] = [];
  if (!res.ok || !res.body) {
    clearTimeout(timer);
    return { status: res.status, contentType: res.headers.get('content-type'), events };
  }
  const decoder = new TextDecoder();
  let buffer = '';
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event: SseEvent = { event: 'message', data: '' };
        let hasData = false;
        for (const line of block.split('\n')) {
          if (line.startsWith(':') || line.startsWith('retry:')) continue;
          const [field, ...rest] = line.split(': ');
          const value = rest.join(': ');
          if (field === 'id') event.id = value;
          else if (field === 'event') event.event = value;
          else if (field === 'data') {
            event.data = hasData ? `${event.data}\n${value}` : value;
            hasData = true;
          }
        }
        if (hasData) events.push({ ...event, at: Date.now() });
      }
      if (until(events)) break;
    }
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
  return { status: res.status, contentType: res.headers.get('content-type'), events };
}
