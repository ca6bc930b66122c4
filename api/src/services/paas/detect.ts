/**
 * Project detection, in the spirit of Nixpacks/Railpack but small and pure: it looks at a snapshot of
 * the checkout (file paths plus the contents of the few files it reads) and returns a build plan or
 * a message saying what it looked for. No I/O here, so every rule is unit-tested on fixture trees.
 */
export interface RepoSnapshot {
  /** Every regular file, relative to the repository root, `/`-separated (no .git, no symlinks). */
  paths: string[];
  /** Contents of the files `wantsContent` asked for (missing when too large or unreadable). */
  contents: Record<string, string>;
}

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface NodeInstall {
  pm: PackageManager;
  /** The lockfile copied before the sources (cached install layer); null when there is none. */
  lockfile: string | null;
  /** False when package.json declares no dependencies at all: the install step is skipped. */
  hasDependencies: boolean;
}

export type BuildPlan =
  | { kind: 'dockerfile' }
  | { kind: 'static'; root: string }
  | ({ kind: 'node'; build: boolean; start: string[] } & NodeInstall)
  | ({ kind: 'nextjs' } & NodeInstall)
  | ({ kind: 'static-build'; framework: 'astro' | 'vite'; outDir: string } & NodeInstall)
  | {
      kind: 'python';
      framework: 'fastapi' | 'flask';
      /** Import target, e.g. `app.main:app` or `app:create_app()`. */
      target: string;
      /** Directory the module is imported from (`.` or `src`). */
      appDir: string;
      deps: 'requirements' | 'pyproject';
      /** True when uvicorn / gunicorn is already among the dependencies. */
      serverListed: boolean;
    };

export type Detection = { ok: true; plan: BuildPlan; summary: string } | { ok: false; reason: string };

const LOCKFILES: [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

export const NOTHING_DETECTED =
  'Nothing to deploy was detected at the repository root: looked for a Dockerfile, package.json (Node.js), ' +
  'requirements.txt or pyproject.toml with FastAPI or Flask (Python), and index.html (static site).';

/** Which files the snapshot must carry contents for (the reader asks this for every path). */
export function wantsContent(path: string): boolean {
  if (path === 'package.json' || path === 'requirements.txt' || path === 'pyproject.toml' || path === 'Dockerfile') return true;
  return path.endsWith('.py') && path.split('/').length <= 3;
}

export function detect(snapshot: RepoSnapshot): Detection {
  const has = new Set(snapshot.paths);
  if (has.has('Dockerfile')) return { ok: true, plan: { kind: 'dockerfile' }, summary: "the repository's own Dockerfile" };
  if (has.has('package.json')) return detectNode(snapshot, has);
  if (has.has('requirements.txt') || has.has('pyproject.toml')) return detectPython(snapshot, has);
  for (const root of ['.', 'public']) {
    if (has.has(root === '.' ? 'index.html' : `${root}/index.html`)) {
      return { ok: true, plan: { kind: 'static', root }, summary: `a static site (index.html in ${root === '.' ? 'the root' : `${root}/`})` };
    }
  }
  return { ok: false, reason: NOTHING_DETECTED };
}

interface PackageJson {
  main?: unknown;
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  packageManager?: unknown;
}

function detectNode(snapshot: RepoSnapshot, has: Set<string>): Detection {
  const raw = snapshot.contents['package.json'];
  if (raw === undefined) return { ok: false, reason: 'package.json could not be read (too large or not a regular file).' };
  let pkg: PackageJson;
  try {
    pkg = JSON.parse(raw) as PackageJson;
    if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) throw new Error('not an object');
  } catch (err) {
    return { ok: false, reason: `package.json is not valid JSON (${(err as Error).message}).` };
  }
  const deps = { ...objectOr(pkg.dependencies), ...objectOr(pkg.devDependencies) };
  const scripts = objectOr(pkg.scripts);
  const install = nodeInstall(pkg, has, Object.keys(deps).length > 0);
  const how = `${install.pm}${install.lockfile ? `, ${install.lockfile}` : ', no lockfile'}`;

  if ('next' in deps) {
    return { ok: true, plan: { kind: 'nextjs', ...install }, summary: `Next.js (${how}), next build + next start` };
  }
  const framework = 'astro' in deps ? 'astro' : 'vite' in deps ? 'vite' : null;
  if (framework && typeof scripts.build === 'string') {
    return {
      ok: true,
      plan: { kind: 'static-build', framework, outDir: 'dist', ...install },
      summary: `a ${framework === 'astro' ? 'Astro' : 'Vite'} static build (${how}), dist/ served as files`,
    };
  }
  const build = typeof scripts.build === 'string';
  let start: string[];
  if (typeof scripts.start === 'string') start = startScript(install.pm);
  else if (typeof pkg.main === 'string' && has.has(normalise(pkg.main))) start = ['node', normalise(pkg.main)];
  else if (has.has('index.js')) start = ['node', 'index.js'];
  else {
    return {
      ok: false,
      reason: 'package.json found, but no way to start it: looked for a "start" script, a "main" file that exists, and index.js ' +
        '(or next, or astro/vite with a "build" script for a static build).',
    };
  }
  return { ok: true, plan: { kind: 'node', build, start, ...install }, summary: `a Node.js server (${how}), started with \`${start.join(' ')}\`` };
}

function nodeInstall(pkg: PackageJson, has: Set<string>, hasDependencies: boolean): NodeInstall {
  const declared = typeof pkg.packageManager === 'string' ? /^(npm|pnpm|yarn|bun)@/.exec(pkg.packageManager)?.[1] : undefined;
  const found = LOCKFILES.find(([file, pm]) => has.has(file) && (!declared || pm === declared));
  const pm = (declared as PackageManager | undefined) ?? found?.[1] ?? 'npm';
  return { pm, lockfile: found?.[0] ?? null, hasDependencies };
}

function startScript(pm: PackageManager): string[] {
  return pm === 'npm' ? ['npm', 'start'] : pm === 'bun' ? ['bun', 'run', 'start'] : [pm, 'start'];
}

function detectPython(snapshot: RepoSnapshot, has: Set<string>): Detection {
  const deps = has.has('requirements.txt') ? 'requirements' : 'pyproject';
  const manifest = snapshot.contents[deps === 'requirements' ? 'requirements.txt' : 'pyproject.toml'] ?? '';
  const lists = (name: string) => new RegExp(`(^|["'\\s])${name}(\\[|[<>=!~ ;"',]|$)`, 'mi').test(manifest);
  const framework = lists('fastapi') ? 'fastapi' : lists('flask') ? 'flask' : null;
  if (!framework) {
    return { ok: false, reason: `Python project (${deps === 'requirements' ? 'requirements.txt' : 'pyproject.toml'}) without FastAPI or Flask among its dependencies; only those two are detected. Add a Dockerfile for anything else.` };
  }
  const found = findAppModule(snapshot, framework);
  if (!found) {
    const cls = framework === 'fastapi' ? 'FastAPI' : 'Flask';
    return { ok: false, reason: `${cls} is a dependency, but no Python file (up to two folders deep) assigns \`<name> = ${cls}(...)\`${framework === 'flask' ? ' or defines create_app()' : ''}.` };
  }
  const serverListed = framework === 'fastapi' ? lists('uvicorn') || /fastapi\[[^\]]*standard/i.test(manifest) : lists('gunicorn');
  return {
    ok: true,
    plan: { kind: 'python', framework, target: found.target, appDir: found.appDir, deps, serverListed },
    summary: `a ${framework === 'fastapi' ? 'FastAPI app served by uvicorn' : 'Flask app served by gunicorn'} (${found.target})`,
  };
}

/** The module that really defines the app, preferring the conventional entry files. */
function findAppModule(snapshot: RepoSnapshot, framework: 'fastapi' | 'flask'): { target: string; appDir: string } | null {
  const cls = framework === 'fastapi' ? 'FastAPI' : 'Flask';
  const assign = new RegExp(`^(\\w+)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:\\w+\\.)?${cls}\\(`, 'm');
  const preferred = ['main.py', 'app.py', 'server.py', 'wsgi.py', 'asgi.py', 'app/main.py', 'app/__init__.py', 'src/main.py', 'src/app.py'];
  const files = Object.keys(snapshot.contents)
    .filter((p) => p.endsWith('.py'))
    .sort((a, b) => rank(a, preferred) - rank(b, preferred) || a.split('/').length - b.split('/').length || a.localeCompare(b));
  for (const file of files) {
    const source = snapshot.contents[file]!;
    const match = assign.exec(source);
    const factory = framework === 'flask' && !match && /^def create_app\(/m.test(source);
    if (!match && !factory) continue;
    const appDir = file.startsWith('src/') ? 'src' : '.';
    const module = (appDir === 'src' ? file.slice(4) : file).replace(/\/__init__\.py$|\.py$/, '').split('/').join('.');
    if (!/^[A-Za-z_][\w.]*$/.test(module)) continue;
    return { target: `${module}:${match ? match[1] : 'create_app()'}`, appDir };
  }
  return null;
}

function rank(path: string, preferred: string[]): number {
  const i = preferred.indexOf(path);
  return i === -1 ? preferred.length : i;
}

function objectOr(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function normalise(path: string): string {
  return path.replace(/^\.\//, '');
}
