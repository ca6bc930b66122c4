import type { RepoSnapshot } from '../../domain/paas/repo-snapshot.js';

/** The app's files seen from its root directory; `shown` names a file as the log should (repository path). */
export class AppTree {
  readonly paths: string[];
  private readonly set: Set<string>;
  private readonly prefix: string;

  constructor(
    private readonly snapshot: RepoSnapshot,
    readonly rootDir: string | null,
  ) {
    this.prefix = rootDir ? `${rootDir}/` : '';
    this.paths = snapshot.paths.filter((p) => p.startsWith(this.prefix)).map((p) => p.slice(this.prefix.length));
    this.set = new Set(this.paths);
  }

  has(path: string): boolean {
    return this.set.has(path);
  }

  /** Contents of a file the snapshot read, or undefined. */
  read(path: string): string | undefined {
    return this.snapshot.contents[this.prefix + path];
  }

  shown(path: string): string {
    return this.prefix + path;
  }
}

/** The port an app will listen on, and what decided it (null: the default). */
export interface PortChoice {
  value: number;
  source: string | null;
}

const PORT_PATTERNS = [
  /(?:^|\s)(?:--port|-p|--listen|-l)[= ]?(\d{2,5})(?![\w.])/,
  /(?:^|\s)PORT=(\d{2,5})(?![\w.])/,
  /(?:^|\s)(?:--bind|-b)[= ]?[\w.[\]:-]*:(\d{2,5})(?![\w.])/,
];

/** A port a command line fixes (`--port 3000`, `-p 3000`, `PORT=3000 …`, `--bind 0.0.0.0:3000`); `$PORT` fixes none. */
export function fixedPort(command: string): number | null {
  for (const re of PORT_PATTERNS) {
    const port = Number(re.exec(command)?.[1]);
    if (port >= 1 && port <= 65535) return port;
  }
  return null;
}

/** Does the manifest text list this distribution (`flask`, not `flask-cors`)? */
export function listsPackage(manifest: string, name: string): boolean {
  const escaped = name.replace(/[-_.]/g, '[-_.]');
  return new RegExp(`(^|["'\\s])${escaped}(\\[|[<>=!~ ;"',]|$)`, 'mi').test(manifest);
}

export function objectOr(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
