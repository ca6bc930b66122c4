import { safeRelativeDir, showCommand, type BuildSettings, type Command } from './build-settings.js';
import type { Detection, NodeInstall, PackageManager, Placement } from './detect-types.js';
import { fixedPort, objectOr, type AppTree, type PortChoice } from './detect-support.js';

/** The Node.js major of the base images (PAAS_IMAGE_NODE's default and `make paas-images`). */
export const BASE_NODE_MAJOR = 24;

const LOCKFILES: [string, PackageManager][] = [
  ['pnpm-lock.yaml', 'pnpm'],
  ['yarn.lock', 'yarn'],
  ['bun.lock', 'bun'],
  ['bun.lockb', 'bun'],
  ['package-lock.json', 'npm'],
  ['npm-shrinkwrap.json', 'npm'],
];

/** Frameworks whose `build` writes a static site, most specific first, with where it goes. */
const STATIC_FRAMEWORKS: [dependency: string, name: string, outDir: string][] = [
  ['astro', 'Astro', 'dist'],
  ['@sveltejs/kit', 'SvelteKit', 'build'],
  ['gatsby', 'Gatsby', 'public'],
  ['react-scripts', 'Create React App', 'build'],
  ['@vue/cli-service', 'Vue CLI', 'dist'],
  ['vite', 'Vite', 'dist'],
  ['parcel', 'Parcel', 'dist'],
];

/** `start` scripts that run a development server, not a production one. */
const DEV_SERVER =
  /^\s*(astro\s+(dev|preview)|vite(\s+(dev|serve|preview))?|react-scripts\s+start|vue-cli-service\s+serve|gatsby\s+(develop|serve)|ng\s+serve|webpack(-dev-server|\s+serve)|parcel(\s+serve)?\s+\S+\.html)(\s|$)/;
const OUT_DIR_FLAG = /(?:^|\s)--(?:outDir|out-dir|dist-dir|output-path)[= ]['"]?([\w@+./-]+)/;
const FALLBACK_ENTRIES = ['index.js', 'server.js', 'app.js', 'main.js'];

interface PackageJson {
  main?: unknown;
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
  packageManager?: unknown;
  engines?: { node?: unknown };
}

export function detectNode(
  tree: AppTree,
  settings: Partial<BuildSettings>,
  procfile: string | null,
  port: PortChoice,
  reasons: string[],
): Detection {
  const fail = (reason: string): Detection => ({ ok: false, reason, reasons });
  const manifest = tree.shown('package.json');
  const placement = (): Placement => ({ rootDir: tree.rootDir ?? '.', port: port.value });
  let pkg: PackageJson = {};
  if (tree.has('package.json')) {
    const raw = tree.read('package.json');
    if (raw === undefined) return fail(`${manifest} could not be read (too large or not a regular file).`);
    try {
      pkg = JSON.parse(raw) as PackageJson;
      if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) throw new Error('not an object');
    } catch (err) {
      return fail(`${manifest} is not valid JSON (${(err as Error).message}).`);
    }
    reasons.push(`Node.js: ${manifest}`);
  } else {
    reasons.push('Node.js: the Procfile runs a Node.js tool (no package.json: nothing to install)');
  }
  const deps = { ...objectOr(pkg.dependencies), ...objectOr(pkg.devDependencies) };
  const scripts = objectOr(pkg.scripts);
  const install = nodeInstall(tree, pkg, Object.keys(deps).length > 0, reasons);
  engines(pkg, manifest, reasons);
  const how = `${install.pm}${install.lockfile ? `, ${install.lockfile}` : ', no lockfile'}`;

  const buildScript = typeof scripts.build === 'string' ? scripts.build : null;
  const build: Command | null =
    settings.buildCommand ?? (buildScript !== null ? scriptCommand(install.pm, 'build') : null);
  if (settings.buildCommand) reasons.push(`build: ${showCommand(settings.buildCommand)} (app settings)`);
  else if (buildScript !== null) reasons.push(`build: the "build" script, \`${buildScript}\` (${manifest})`);

  // Where the start command comes from: app settings, the Procfile, then package.json.
  let start: Command | null = null;
  if (settings.startCommand) {
    start = settings.startCommand;
    reasons.push(`start: ${showCommand(start)} (app settings)${procfile ? '; the Procfile is not used' : ''}`);
  } else if (procfile) {
    start = procfile;
    reasons.push(`start: ${procfile} (web: line of ${tree.shown('Procfile')}, run by sh -c)`);
  }

  if (settings.outputDir) {
    if (!build) {
      reasons.push(`no build step: ${tree.shown(settings.outputDir)}/ is served as it is in the repository`);
      return {
        ok: true,
        plan: { kind: 'static', root: settings.outputDir, ...placement() },
        summary: `a static site (${tree.shown(settings.outputDir)}/ served as files)`,
        reasons,
      };
    }
    reasons.push(`static output: ${settings.outputDir}/ (app settings), served as files`);
    return staticBuild(
      install,
      build,
      settings.outputDir,
      `a static build (${how}), ${settings.outputDir}/ served as files`,
      placement(),
      reasons,
    );
  }

  if ('next' in deps && !start) {
    const config = ['next.config.js', 'next.config.mjs', 'next.config.ts', 'next.config.cjs'].find((f) => tree.has(f));
    if (config && /\boutput\s*:\s*['"]export['"]/.test(withoutComments(tree.read(config) ?? ''))) {
      reasons.push(`Next.js static export: output: 'export' (${tree.shown(config)}), out/ served as files`);
      return staticBuild(
        install,
        build ?? ['node', 'node_modules/next/dist/bin/next', 'build'],
        'out',
        `a Next.js static export (${how}), out/ served as files`,
        placement(),
        reasons,
      );
    }
    reasons.push(`Next.js: "next" is a dependency (${manifest}): next build, then next start`);
    return {
      ok: true,
      plan: { kind: 'nextjs', ...install, build: settings.buildCommand ?? null, start: null, ...placement() },
      summary: `Next.js (${how}), next build + next start`,
      reasons,
    };
  }

  const framework = STATIC_FRAMEWORKS.find(([dep]) => dep in deps);
  const startScript = typeof scripts.start === 'string' ? scripts.start : null;
  if (!start && startScript !== null) {
    if (framework && DEV_SERVER.test(startScript)) {
      reasons.push(`the "start" script \`${startScript}\` runs a development server: not used (${manifest})`);
    } else {
      // Any package manager's start script runs under npm, which is in every runtime image (no download at start).
      start = install.pm === 'bun' ? ['bun', 'run', 'start'] : ['npm', 'start'];
      reasons.push(`start: the "start" script, \`${startScript}\` (${manifest})`);
      const fixed = port.source ? null : fixedPort(startScript);
      if (fixed) Object.assign(port, { value: fixed, source: `the "start" script in ${manifest} listens there` });
    }
  }
  const main = typeof pkg.main === 'string' ? pkg.main.replace(/^\.\//, '') : null;
  if (!start && main && (tree.has(main) || (buildScript !== null && !framework))) {
    start = ['node', main];
    reasons.push(`start: node ${main} ("main" in ${manifest}${tree.has(main) ? '' : ', written by the build'})`);
  }
  if (!start && build) {
    const flagged = buildScript !== null ? OUT_DIR_FLAG.exec(buildScript)?.[1] : undefined;
    const outDir = (flagged && safeRelativeDir(flagged)) || framework?.[2] || 'dist';
    const why =
      flagged && safeRelativeDir(flagged)
        ? `the build script's output flag`
        : framework
          ? `${framework[1]}'s default`
          : 'the usual folder; set the output directory if the build writes elsewhere';
    reasons.push(`static output: ${outDir}/ (${why}), served as files: no start script or main`);
    const name = framework
      ? `${framework[1] === 'Vite' || framework[1] === 'Astro' ? 'an' : 'a'} ${framework[1]} static build`
      : 'a static build';
    return staticBuild(install, build, outDir, `${name} (${how}), ${outDir}/ served as files`, placement(), reasons);
  }
  if (!start) {
    const entry = FALLBACK_ENTRIES.find((f) => tree.has(f));
    if (entry) {
      start = ['node', entry];
      reasons.push(`start: node ${entry} (${tree.shown(entry)}; no start script or main)`);
    }
  }
  if (!start) {
    return fail(
      `${manifest} found, but no way to start it: looked for a start command in the app settings, a Procfile web: line, ` +
        `a "start" script, a "main" file that exists and ${FALLBACK_ENTRIES.join(', ')} (or next, or a "build" script for a static build).`,
    );
  }
  return {
    ok: true,
    plan: { kind: 'node', ...install, build, start, ...placement() },
    summary: `a Node.js server (${how}), started with \`${showCommand(start)}\``,
    reasons,
  };
}

function staticBuild(
  install: NodeInstall,
  build: Command,
  outDir: string,
  summary: string,
  placement: Placement,
  reasons: string[],
): Detection {
  return { ok: true, plan: { kind: 'static-build', ...install, build, outDir, ...placement }, summary, reasons };
}

function nodeInstall(tree: AppTree, pkg: PackageJson, hasDependencies: boolean, reasons: string[]): NodeInstall {
  const manifest = tree.shown('package.json');
  const declared =
    typeof pkg.packageManager === 'string'
      ? (/^(npm|pnpm|yarn|bun)@/.exec(pkg.packageManager)?.[1] as PackageManager | undefined)
      : undefined;
  const found = LOCKFILES.find(([file, pm]) => tree.has(file) && (!declared || pm === declared));
  const pm = declared ?? found?.[1] ?? 'npm';
  if (declared)
    reasons.push(
      `package manager: ${pkg.packageManager as string}, through corepack ("packageManager" in ${manifest})`,
    );
  else if (found) reasons.push(`package manager: ${pm} (${tree.shown(found[0])})`);
  else reasons.push('package manager: npm (no lockfile, no "packageManager")');
  if (found)
    reasons.push(
      `lockfile: ${tree.shown(found[0])}, copied before the sources (install layer cached until it changes)`,
    );
  if (!hasDependencies && tree.has('package.json')) reasons.push(`no dependencies in ${manifest}: nothing to install`);
  return { pm, lockfile: found?.[0] ?? null, hasDependencies };
}

/** `engines.node` is reported, and warned about when it leaves out the base images' Node. */
function engines(pkg: PackageJson, manifest: string, reasons: string[]): void {
  const wanted = objectOr(pkg.engines).node;
  if (typeof wanted !== 'string') return;
  const fits = admitsMajor(wanted, BASE_NODE_MAJOR);
  reasons.push(
    fits === false
      ? `engines.node "${wanted}" (${manifest}) leaves out Node ${BASE_NODE_MAJOR} of the base images: building with it anyway (set PAAS_IMAGE_NODE and PAAS_IMAGE_NODE_BUILD for another)`
      : `engines.node "${wanted}" (${manifest}): Node ${BASE_NODE_MAJOR} of the base images${fits === null ? ' (range not checked)' : ''}`,
  );
}

/** Whether a semver range admits some `major.x` release; null when the range is beyond this small reader. */
export function admitsMajor(range: string, major: number): boolean | null {
  const alternatives = range.split('||').map((a) => a.trim().replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1'));
  let unknown = false;
  for (const alt of alternatives) {
    if (alt === '' || alt === '*' || alt === 'x' || alt === 'latest') return true;
    const hyphen = /^v?(\d+)(?:\.[\dx*]+)*\s+-\s+v?(\d+)(?:\.[\dx*]+)*$/.exec(alt);
    if (hyphen) {
      if (major >= Number(hyphen[1]) && major <= Number(hyphen[2])) return true;
      continue;
    }
    const parts = alt.split(/\s+/);
    const verdicts = parts.map((p) => comparatorAdmits(p, major));
    if (verdicts.includes(null)) unknown = true;
    else if (verdicts.every(Boolean)) return true;
  }
  return unknown ? null : false;
}

function comparatorAdmits(comparator: string, major: number): boolean | null {
  const m = /^(\^|~|>=|<=|>|<|=)?v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(comparator);
  if (!m) return null;
  const n = Number(m[2]);
  const numericMinor = m[3] !== undefined && /^\d+$/.test(m[3]);
  const aboveZero = [m[3], m[4]].some((p) => p !== undefined && /^\d+$/.test(p) && Number(p) > 0);
  switch (m[1]) {
    case '>=':
      return major >= n;
    case '>':
      return major > n || (major === n && numericMinor); // >18.1 admits 18.2
    case '<=':
      return major <= n;
    case '<':
      return major < n || (major === n && aboveZero); // <18.5 admits 18.0
    default:
      return major === n; // ^, ~, = and a bare version stay within their major
  }
}

function scriptCommand(pm: PackageManager, script: string): string[] {
  return pm === 'yarn' ? ['yarn', script] : [pm, 'run', script];
}

/** JavaScript source without its comments (roughly: enough that a commented-out setting does not count). */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}
