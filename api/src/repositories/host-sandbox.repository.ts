import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, statfs, writeFile } from 'node:fs/promises';
import { lookup } from 'node:dns/promises';
import { isIPv4 } from 'node:net';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class HostSandboxError extends Error {}

/** What the egress agent records after each verification of the policy on its node. */
export interface EgressStamp {
  node: string;
  /** Epoch milliseconds. */
  at: number;
  /** Rules in the IPv4 egress chain. */
  rules: number;
}

/**
 * The host kernel's side of the PaaS sandbox: packet filter rules (iptables/ip6tables, whichever
 * backend Docker itself uses), cgroups that cap a build's processes, and the free space of the
 * engine's disk. Commands run without a shell, with fixed arguments; needs root on the host (the
 * worker of `make dev`; in containers, NET_ADMIN in the host's network namespace).
 */
export class HostSandboxRepository {
  constructor(private readonly cgroupRoot = '/sys/fs/cgroup') {}

  async resolvConf(): Promise<string> {
    return readFile('/etc/resolv.conf', 'utf8').catch(() => '');
  }

  /** IPv4 addresses of a host name (an address stays itself); none when it does not resolve. */
  async resolve(host: string): Promise<string[]> {
    if (isIPv4(host)) return [host];
    try {
      return (await lookup(host, { all: true, family: 4 })).map((a) => a.address);
    } catch {
      return [];
    }
  }

  interfaces() {
    return networkInterfaces();
  }

  /** Loads `rules` (iptables-restore format, our chains only) atomically, then inserts missing jumps first in their chains. */
  async applyRules(family: 4 | 6, rules: string, jumps: { chain: string; rule: string[] }[]): Promise<void> {
    const bin = family === 4 ? 'iptables' : 'ip6tables';
    await this.restore(`${bin}-restore`, rules);
    for (const { chain, rule } of jumps) {
      const present = await run(bin, ['-w', '5', '-C', chain, ...rule]).then(
        () => true,
        () => false,
      );
      if (!present) await this.exec(bin, ['-w', '5', '-I', chain, '1', ...rule]);
    }
  }

  /** Rules in `chain` and whether every jump is present; undefined when the chain does not exist. */
  async inspect(
    family: 4 | 6,
    chain: string,
    jumps: { chain: string; rule: string[] }[],
  ): Promise<{ rules: number; jumpsPresent: boolean } | undefined> {
    const bin = family === 4 ? 'iptables' : 'ip6tables';
    let listing: string;
    try {
      listing = (await run(bin, ['-w', '5', '-S', chain])).stdout;
    } catch {
      return undefined;
    }
    const rules = listing.split('\n').filter((l) => l.startsWith('-A ')).length;
    let jumpsPresent = true;
    for (const { chain: c, rule } of jumps) {
      if (
        !(await run(bin, ['-w', '5', '-C', c, ...rule]).then(
          () => true,
          () => false,
        ))
      )
        jumpsPresent = false;
    }
    return { rules, jumpsPresent };
  }

  /**
   * Creates a cgroup named `name` whose `pids.max` caps every process of the containers Docker puts
   * under it (a build's RUN steps, via the build's `cgroupparent`). Returns how to pass it to Docker.
   */
  async createPidsCgroup(name: string, version: '1' | '2', pidsMax: number): Promise<void> {
    const dir = version === '1' ? join(this.cgroupRoot, 'pids', name) : join(this.cgroupRoot, name);
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'pids.max'), String(pidsMax));
  }

  /** Removes the cgroups Docker and we made for `name` (each controller in v1); empty ones only. True when none is left. */
  async removeCgroup(name: string, version: '1' | '2'): Promise<boolean> {
    const dirs =
      version === '1'
        ? [
            'pids',
            'memory',
            'cpu,cpuacct',
            'cpu',
            'cpuacct',
            'cpuset',
            'blkio',
            'devices',
            'freezer',
            'net_cls,net_prio',
            'net_cls',
            'net_prio',
            'perf_event',
            'hugetlb',
            'systemd',
            'rdma',
          ].map((c) => join(this.cgroupRoot, c, name))
        : [join(this.cgroupRoot, name)];
    const left = await Promise.all(
      dirs.map((d) =>
        rmdir(d).then(
          () => false,
          (err: NodeJS.ErrnoException) => err.code !== 'ENOENT',
        ),
      ),
    );
    return !left.includes(true);
  }

  /** Ids of the containers Docker placed under the cgroup `name` (a build's running step). */
  async cgroupContainers(name: string, version: '1' | '2'): Promise<string[]> {
    const dir = version === '1' ? join(this.cgroupRoot, 'pids', name) : join(this.cgroupRoot, name);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    return entries.filter((e) => e.isDirectory() && /^[0-9a-f]{64}$/.test(e.name)).map((e) => e.name);
  }

  /** Build cgroups untouched for `olderThanMs` (a worker killed mid-build, a late Docker cleanup). */
  async staleBuildCgroups(version: '1' | '2', olderThanMs: number): Promise<string[]> {
    const dir = version === '1' ? join(this.cgroupRoot, 'pids') : this.cgroupRoot;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const out: string[] = [];
    for (const e of entries) {
      if (!e.isDirectory() || !e.name.startsWith('ov-paas-build-')) continue;
      const info = await stat(join(dir, e.name)).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > olderThanMs) out.push(e.name);
    }
    return out;
  }

  /** The egress agent's stamp; undefined when missing or unreadable. */
  async readStamp(path: string): Promise<EgressStamp | undefined> {
    try {
      const stamp = JSON.parse(await readFile(path, 'utf8')) as Partial<EgressStamp>;
      return typeof stamp.at === 'number' ? (stamp as EgressStamp) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Written beside, then renamed: a reader never sees half a stamp. */
  async writeStamp(path: string, stamp: EgressStamp): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(`${path}.tmp`, JSON.stringify(stamp), { mode: 0o644 });
    await rename(`${path}.tmp`, path);
  }

  async removeStamp(path: string): Promise<void> {
    await rm(path, { force: true });
  }

  /** Free bytes on the filesystem holding `path`, or undefined when this process cannot see it. */
  async freeBytes(path: string): Promise<number | undefined> {
    try {
      const s = await statfs(path);
      return s.bavail * s.bsize;
    } catch {
      return undefined;
    }
  }

  private async exec(bin: string, args: string[]): Promise<void> {
    try {
      await run(bin, args);
    } catch (err) {
      throw new HostSandboxError(`${bin} ${args.join(' ')}: ${describe(err)}`);
    }
  }

  private restore(bin: string, input: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = execFile(bin, ['-w', '5', '--noflush'], (err, _stdout, stderr) =>
        err ? reject(new HostSandboxError(`${bin}: ${stderr.trim() || describe(err)}`)) : resolve(),
      );
      child.stdin!.end(input);
    });
  }
}

function describe(err: unknown): string {
  const e = err as { code?: string; stderr?: string; message: string };
  if (e.code === 'ENOENT') return 'not installed';
  return (e.stderr?.trim() || e.message).split('\n')[0]!;
}
