import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer, type AddressInfo } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * Private git hosts for the tests, on 127.0.0.1 only: an https server (Node `https` in front of
 * `git http-backend`, a self-signed certificate, HTTP Basic with one token) and an ssh server (the
 * system's OpenSSH sshd, started here on a random port with its own host key and an authorized_keys
 * whose keys may only run git-upload-pack).
 */

/** A bare copy of `source` (a work tree) at `<root>/<name>.git` whose HEAD is `branch`. */
export function bareCopy(source: string, root: string, name: string, branch = 'main'): string {
  const dir = join(root, `${name}.git`);
  execFileSync('git', ['clone', '-q', '--bare', source, dir], { stdio: 'pipe' });
  execFileSync('git', ['-C', dir, 'symbolic-ref', 'HEAD', `refs/heads/${branch}`], { stdio: 'pipe' });
  return dir;
}

export interface HttpsGitServer {
  port: number;
  /** The self-signed certificate: git trusts it through GIT_SSL_CAINFO. */
  caFile: string;
  /** Authorization headers the server received. */
  authorizations: string[];
  close(): Promise<void>;
}

/** Serves the bare repositories under `projectRoot`, to `username:token` only (401 otherwise). */
export async function startHttpsGitServer(
  dir: string,
  projectRoot: string,
  username: string,
  token: string,
): Promise<HttpsGitServer> {
  await mkdir(dir, { recursive: true });
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'pipe' },
  );
  const expected = `Basic ${Buffer.from(`${username}:${token}`).toString('base64')}`;
  const authorizations: string[] = [];
  const server = createHttpsServer({ key: await readFile(key), cert: await readFile(cert) }, (req, res) => {
    authorizations.push(req.headers.authorization ?? '');
    if (req.headers.authorization !== expected) {
      res
        .writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"', 'Content-Type': 'text/plain' })
        .end('authentication required\n');
      return;
    }
    const url = new URL(req.url ?? '/', 'https://127.0.0.1');
    const cgi = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH,
        GIT_PROJECT_ROOT: projectRoot,
        GIT_HTTP_EXPORT_ALL: '1',
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        REQUEST_METHOD: req.method ?? 'GET',
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
        REMOTE_USER: username,
        REMOTE_ADDR: '127.0.0.1',
      },
    });
    req.pipe(cgi.stdin);
    let head = Buffer.alloc(0);
    let streaming = false;
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (streaming) return void res.write(chunk);
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      let status = 200;
      for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
        const [name, ...rest] = line.split(':');
        const value = rest.join(':').trim();
        if (name!.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
        else res.setHeader(name!, value);
      }
      res.writeHead(status);
      streaming = true;
      res.write(head.subarray(end + 4));
    });
    cgi.stdout.on('end', () => res.end());
    cgi.on('error', () => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    caFile: cert,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface SshGitServer {
  port: number;
  /** The user the server runs as: the only one it lets in. */
  user: string;
  /** `SHA256:…` of its current host key. */
  fingerprint(): string;
  /** Lets `publicKey` in, for git-upload-pack only. */
  authorize(publicKey: string): Promise<void>;
  /** Restarts the server on the same port with a new host key (what a changed or intercepted host looks like). */
  changeHostKey(): Promise<void>;
  close(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';

/**
 * OpenSSH's sshd as a child of the test: 127.0.0.1 on a random port, public-key logins only, every
 * key forced to a script that runs git-upload-pack and nothing else (no shell, no forwarding). It
 * runs as the test's own user (root included: sshd can only let in the user it runs as).
 */
export async function startSshGitServer(dir: string): Promise<SshGitServer> {
  if (!existsSync(SSHD))
    throw new Error(
      `The private-repository tests need OpenSSH's sshd (${SSHD}); install it: apt-get install -y openssh-server`,
    );
  await mkdir(dir, { recursive: true });
  // sshd running as root insists on its privilege separation directory (the package's tmpfiles entry makes it at boot).
  if (process.getuid?.() === 0) await mkdir('/run/sshd', { recursive: true, mode: 0o755 });
  const hostKey = join(dir, 'host_ed25519');
  const authorizedKeys = join(dir, 'authorized_keys');
  const forced = join(dir, 'only-upload-pack');
  const config = join(dir, 'sshd_config');
  await writeFile(authorizedKeys, '', { mode: 0o600 });
  await writeFile(
    forced,
    '#!/bin/sh\ncase "$SSH_ORIGINAL_COMMAND" in\n  "git-upload-pack "*) exec git-shell -c "$SSH_ORIGINAL_COMMAND" ;;\n  *) echo "only git-upload-pack is allowed" >&2; exit 1 ;;\nesac\n',
  );
  await chmod(forced, 0o755);
  const port = await freePort();
  await writeFile(
    config,
    [
      `Port ${port}`,
      'ListenAddress 127.0.0.1',
      `HostKey ${hostKey}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${authorizedKeys}`,
      'StrictModes no',
      'UsePAM no',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'AllowTcpForwarding no',
      'AllowAgentForwarding no',
      'X11Forwarding no',
      'PermitTTY no',
      'PermitUserEnvironment no',
      'LogLevel VERBOSE',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  let output = '';
  const newHostKey = async () => {
    await rm(hostKey, { force: true });
    await rm(`${hostKey}.pub`, { force: true });
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test-git-host', '-f', hostKey], {
      stdio: 'pipe',
    });
  };
  // Whatever happens to the test process, its sshd goes with it.
  const killOnExit = () => child?.kill('SIGTERM');
  process.once('exit', killOnExit);
  const start = async () => {
    child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    const deadline = Date.now() + 10_000;
    while (!(await listening(port))) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`sshd did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  };
  await newHostKey();
  await start();
  return {
    port,
    user: userInfo().username,
    fingerprint: () => execFileSync('ssh-keygen', ['-lf', `${hostKey}.pub`], { encoding: 'utf8' }).split(' ')[1]!,
    authorize: async (publicKey) => {
      const line = `restrict,command="${forced}" ${publicKey.trim()}\n`;
      await writeFile(authorizedKeys, (await readFile(authorizedKeys, 'utf8')) + line, { mode: 0o600 });
    },
    changeHostKey: async () => {
      await stop();
      await newHostKey();
      await start();
    },
    close: async () => {
      process.off('exit', killOnExit);
      await stop();
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
