import { DEFAULT_PORT, NO_SETTINGS, safeRelativeDir, showCommand, type BuildSettings } from './build-settings.js';
export { settingsOf } from './build-settings.js';
import { detectNode } from './detect-node.js';
import { detectPython, isPythonProject } from './detect-python.js';
import { AppTree, fixedPort, type PortChoice } from './detect-support.js';
import type { RepoSnapshot } from '../../domain/paas/repo-snapshot.js';
import type { Detection } from './detect-types.js';

export type { RepoSnapshot };
export type { BuildPlan, Detection, NodeInstall, PackageManager, Placement, PythonDeps } from './detect-types.js';

/**
 * Project detection, in the spirit of Nixpacks/Railpack but small and pure: it looks at a snapshot of
 * the checkout (file paths plus the contents of the few files it reads) and the app's build settings,
 * and returns a build plan or a message saying what it looked for. Every decision is also returned as
 * a reason naming the file (or setting) that caused it, for the deployment log. No I/O here, so every
 * rule is unit-tested on fixture trees. Node.js rules are in detect-node.ts, Python's in detect-python.ts.
 */

export const NOTHING_DETECTED =
  'Nothing to deploy was detected at the repository root: looked for a Dockerfile, package.json (Node.js), ' +
  'requirements.txt, pyproject.toml or Pipfile (Python), a Procfile with a web: line, and index.html (static site).';

/** How deep an app's root directory may be (`a/b/c`); detection reads manifests down to there. */
const MAX_ROOT_DEPTH = 3;
const MANIFESTS = new Set([
  'package.json',
  'requirements.txt',
  'pyproject.toml',
  'Pipfile',
  'Procfile',
  '.yarnrc.yml',
  'next.config.js',
  'next.config.mjs',
  'next.config.cjs',
  'next.config.ts',
]);
const NOT_APP_CODE = new Set([
  'test',
  'tests',
  'docs',
  'venv',
  '.venv',
  'env',
  'site-packages',
  'migrations',
  '__pycache__',
]);

/** Which files the snapshot must carry contents for (the reader asks this for every path). */
export function wantsContent(path: string): boolean {
  const parts = path.split('/');
  const name = parts.at(-1)!;
  if (path === 'Dockerfile') return true;
  if (MANIFESTS.has(name)) return parts.length <= MAX_ROOT_DEPTH + 1;
  // Python modules up to two folders below an app root (src/pkg/main.py).
  return name.endsWith('.py') && parts.length <= MAX_ROOT_DEPTH + 3 && !parts.some((p) => NOT_APP_CODE.has(p));
}

export function detect(snapshot: RepoSnapshot, settings: Partial<BuildSettings> = NO_SETTINGS): Detection {
  const reasons: string[] = [];
  const fail = (reason: string): Detection => ({ ok: false, reason, reasons });
  const rootDir = settings.rootDir ? safeRelativeDir(settings.rootDir) : null;
  if (rootDir === undefined) return fail(`The root directory "${settings.rootDir}" is not a safe relative folder.`);
  if (rootDir) {
    if (!snapshot.paths.some((p) => p.startsWith(`${rootDir}/`)))
      return fail(
        `The root directory ${rootDir}/ (app settings) has no files in this commit: check its spelling and the branch.`,
      );
    reasons.push(`root directory ${rootDir}/ (app settings)`);
    if (snapshot.paths.includes('Dockerfile'))
      reasons.push(`Dockerfile at the repository root not used: the app is in ${rootDir}/`);
  }
  const tree = new AppTree(snapshot, rootDir);

  if (!rootDir && tree.has('Dockerfile')) {
    reasons.push("the repository's own Dockerfile is used as is (Dockerfile)");
    const ignored = (['buildCommand', 'startCommand', 'outputDir', 'port'] as const).filter(
      (k) => settings[k] !== null && settings[k] !== undefined,
    );
    if (ignored.length)
      reasons.push(
        `app settings not applied to an own Dockerfile: ${ignored.join(', ')} (the port comes from its EXPOSE)`,
      );
    return { ok: true, plan: { kind: 'dockerfile' }, summary: "the repository's own Dockerfile", reasons };
  }
  if (rootDir && tree.has('Dockerfile'))
    reasons.push(`${tree.shown('Dockerfile')} not used: an own Dockerfile is used only at the repository root`);

  const procfile = webProcess(tree, reasons);
  const port = portChoice(settings, procfile);
  const result = language(tree, settings, procfile, port, reasons);
  if (result.ok && result.plan.kind !== 'dockerfile') {
    reasons.push(
      port.source
        ? `port ${port.value} (${port.source})`
        : `port ${DEFAULT_PORT}, passed as PORT (the app must listen on 0.0.0.0:$PORT)`,
    );
  }
  return result;
}

function language(
  tree: AppTree,
  settings: Partial<BuildSettings>,
  procfile: string | null,
  port: PortChoice,
  reasons: string[],
): Detection {
  if (tree.has('package.json')) return detectNode(tree, settings, procfile, port, reasons);
  if (isPythonProject(tree)) return detectPython(tree, settings, procfile, port, reasons);
  if (procfile) {
    const tool = procfileLanguage(procfile);
    if (tool === 'python') return detectPython(tree, settings, procfile, port, reasons);
    if (tool === 'node') return detectNode(tree, settings, procfile, port, reasons);
    reasons.push(
      `the Procfile's web: command starts with neither a Python nor a Node.js tool: no base image to run it on`,
    );
  }
  const rootDir = tree.rootDir;
  const served = settings.outputDir ? [settings.outputDir] : ['.', 'public'];
  for (const root of served) {
    const index = root === '.' ? 'index.html' : `${root}/index.html`;
    if (tree.has(index)) {
      reasons.push(
        `a static site: ${tree.shown(index)}${settings.outputDir ? ' (output directory from app settings)' : ''}`,
      );
      const where = root === '.' ? (rootDir ? `${rootDir}/` : 'the root') : `${tree.shown(root)}/`;
      return {
        ok: true,
        plan: { kind: 'static', root, rootDir: rootDir ?? '.', port: port.value },
        summary: `a static site (index.html in ${where})`,
        reasons,
      };
    }
  }
  return { ok: false, reason: nothingDetected(tree, rootDir), reasons };
}

/** The settings' port, else one the admin's start command or the Procfile fixes; the Node rules may look at the start script. */
function portChoice(settings: Partial<BuildSettings>, procfile: string | null): PortChoice {
  if (settings.port) return { value: settings.port, source: 'app settings' };
  const own = settings.startCommand ? fixedPort(showCommand(settings.startCommand)) : null;
  if (own) return { value: own, source: 'the start command in app settings listens there' };
  const fromProcfile = !settings.startCommand && procfile ? fixedPort(procfile) : null;
  if (fromProcfile) return { value: fromProcfile, source: 'the Procfile web: command listens there' };
  return { value: DEFAULT_PORT, source: null };
}

/** The `web:` line of a Procfile (Heroku's format), a command for `sh -c`. */
function webProcess(tree: AppTree, reasons: string[]): string | null {
  if (!tree.has('Procfile')) return null;
  const lines = (tree.read('Procfile') ?? '').split(/\r?\n/);
  const web = lines.map((l) => /^web\s*:\s*(.*)$/.exec(l.trim())?.[1]?.trim()).find((c) => c !== undefined);
  if (!web) {
    reasons.push(`${tree.shown('Procfile')} has no web: line: not used`);
    return null;
  }
  return web;
}

function procfileLanguage(command: string): 'python' | 'node' | null {
  const word = command.replace(/^(\w+=\S*\s+)+/, '').split(/\s+/)[0] ?? '';
  if (/^(python3?(\.\d+)?|gunicorn|uvicorn|hypercorn|daphne|waitress-serve|flask|fastapi)$/.test(word)) return 'python';
  if (/^(node|npm|npx|yarn|pnpm|bun|tsx)$/.test(word)) return 'node';
  return null;
}

/** What was looked for, and where deployable apps are in subfolders (a monorepo wants a root directory). */
function nothingDetected(tree: AppTree, rootDir: string | null): string {
  const base = rootDir ? NOTHING_DETECTED.replace('at the repository root', `in ${rootDir}/`) : NOTHING_DETECTED;
  if (rootDir) return base;
  const markers = ['package.json', 'requirements.txt', 'pyproject.toml', 'Pipfile', 'Procfile', 'Dockerfile'];
  const found = tree.paths.filter((p) => {
    const parts = p.split('/');
    return parts.length >= 2 && parts.length <= MAX_ROOT_DEPTH + 1 && markers.includes(parts.at(-1)!);
  });
  if (!found.length) return base;
  const shown = found.slice(0, 5).map((p) => `${p.slice(0, p.lastIndexOf('/'))}/ (${p.slice(p.lastIndexOf('/') + 1)})`);
  return `${base} Apps in subfolders: ${shown.join(', ')}${found.length > 5 ? ', …' : ''}; set the app's root directory to deploy one.`;
}
