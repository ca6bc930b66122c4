import { showCommand, type BuildSettings, type Command } from './build-settings.js';
import type { Detection, PythonDeps } from './detect-types.js';
import { listsPackage, type AppTree, type PortChoice } from './detect-support.js';

type Framework = 'django' | 'fastapi' | 'flask';

export function isPythonProject(tree: AppTree): boolean {
  return ['requirements.txt', 'pyproject.toml', 'Pipfile'].some((f) => tree.has(f));
}

/**
 * Python: dependencies from requirements.txt, pyproject.toml (uv, poetry or PEP 621) or a Pipfile;
 * the start command from the app settings, the Procfile, or the framework — Django (gunicorn on
 * `<project>.wsgi`), FastAPI (uvicorn on the module that assigns `FastAPI(...)`), Flask (gunicorn on
 * the app object or a `create_app()` factory). Servers run as `python -m …`, so they see the
 * dependencies of the image's Python environment.
 */
export function detectPython(
  tree: AppTree,
  settings: Partial<BuildSettings>,
  procfile: string | null,
  port: PortChoice,
  reasons: string[],
): Detection {
  const fail = (reason: string): Detection => ({ ok: false, reason, reasons });
  const deps = pythonDeps(tree, reasons);
  const manifests = ['requirements.txt', 'pyproject.toml', 'Pipfile'].filter((f) => tree.has(f));
  const manifest = manifests.map((f) => tree.read(f) ?? '').join('\n');
  const listed = (name: string) => listsPackage(manifest, name);
  const source = manifests.map((f) => tree.shown(f)).join(', ') || 'no dependency file';

  let start: Command | null = null;
  let summary = '';
  if (settings.startCommand) {
    start = settings.startCommand;
    reasons.push(`start: ${showCommand(start)} (app settings)${procfile ? '; the Procfile is not used' : ''}`);
    summary = `a Python app started with \`${showCommand(start)}\``;
  } else if (procfile) {
    start = procfile;
    reasons.push(`start: ${procfile} (web: line of ${tree.shown('Procfile')}, run by sh -c)`);
    summary = `a Python app started by its Procfile (\`${procfile}\`)`;
  }
  const framework: Framework | null =
    listed('django') && tree.has('manage.py')
      ? 'django'
      : listed('fastapi')
        ? 'fastapi'
        : listed('flask')
          ? 'flask'
          : null;
  if (!start) {
    if (!framework) {
      return fail(
        `Python project (${source}) without Django, FastAPI or Flask among its dependencies and without a Procfile web: line: ` +
          'nothing says how to start it. Add a Procfile (web: <command>), set a start command in the app settings, or add a Dockerfile.',
      );
    }
    const target = framework === 'django' ? djangoTarget(tree) : appModule(tree, framework);
    if (!target) {
      return fail(
        framework === 'django'
          ? 'Django is a dependency and manage.py exists, but no <project>/wsgi.py calling get_wsgi_application() was found.'
          : `${framework === 'fastapi' ? 'FastAPI' : 'Flask'} is a dependency, but no Python file (up to two folders deep) assigns \`<name> = ${framework === 'fastapi' ? 'FastAPI' : 'Flask'}(...)\`${framework === 'flask' ? ' or defines create_app()' : ''}.`,
      );
    }
    reasons.push(
      `${framework === 'django' ? 'Django' : framework === 'fastapi' ? 'FastAPI' : 'Flask'}: listed in ${source}; the app is ${target.target} (${tree.shown(target.file)})`,
    );
    start = serverCommand(framework, target.target, target.appDir, port.value);
    summary =
      framework === 'fastapi'
        ? `a FastAPI app served by uvicorn (${target.target})`
        : `a ${framework === 'django' ? 'Django' : 'Flask'} app served by gunicorn (${target.target})`;
    reasons.push(`start: ${showCommand(start)}`);
  }
  // A server the start command runs but the dependencies lack is installed too.
  const command = showCommand(start);
  const extras = ['gunicorn', 'uvicorn'].filter(
    (s) =>
      new RegExp(`(^|[\\s/])${s}(\\s|$)`).test(command) &&
      !listed(s) &&
      !(s === 'uvicorn' && /fastapi\[[^\]]*standard/i.test(manifest)),
  );
  if (extras.length) reasons.push(`${extras.join(', ')}: not among the dependencies, installed for the start command`);
  const build = settings.buildCommand ?? null;
  if (build) reasons.push(`build: ${showCommand(build)} (app settings)`);
  return {
    ok: true,
    plan: { kind: 'python', deps, extras, build, start, rootDir: tree.rootDir ?? '.', port: port.value },
    summary,
    reasons,
  };
}

function pythonDeps(tree: AppTree, reasons: string[]): PythonDeps {
  const pyproject = tree.read('pyproject.toml') ?? '';
  if (tree.has('uv.lock') && tree.has('pyproject.toml')) {
    reasons.push(`dependencies: uv, locked (${tree.shown('uv.lock')})`);
    return { tool: 'uv', files: ['pyproject.toml', 'uv.lock'] };
  }
  if (tree.has('pyproject.toml') && (tree.has('poetry.lock') || /^\[tool\.poetry\]/m.test(pyproject))) {
    reasons.push(`dependencies: poetry (${tree.shown(tree.has('poetry.lock') ? 'poetry.lock' : 'pyproject.toml')})`);
    return { tool: 'poetry', files: ['pyproject.toml', ...(tree.has('poetry.lock') ? ['poetry.lock'] : [])] };
  }
  if (tree.has('requirements.txt')) {
    const text = tree.read('requirements.txt') ?? '';
    const sourcesFirst = /^\s*(-r|--requirement|-c|--constraint|-e|--editable|\.)(\s|=|\/|$)/m.test(text);
    reasons.push(
      `dependencies: pip (${tree.shown('requirements.txt')})${sourcesFirst ? '; it names other files, so the sources are copied first' : ''}`,
    );
    return { tool: 'requirements', sourcesFirst };
  }
  if (tree.has('Pipfile')) {
    reasons.push(`dependencies: pipenv (${tree.shown(tree.has('Pipfile.lock') ? 'Pipfile.lock' : 'Pipfile')})`);
    return { tool: 'pipenv', files: ['Pipfile', ...(tree.has('Pipfile.lock') ? ['Pipfile.lock'] : [])] };
  }
  if (tree.has('pyproject.toml')) {
    const requirements = projectDependencies(pyproject);
    reasons.push(
      `dependencies: pip, from [project].dependencies (${tree.shown('pyproject.toml')}); the project runs from its sources, not installed`,
    );
    return requirements.length ? { tool: 'pyproject', requirements } : { tool: 'none' };
  }
  reasons.push('dependencies: none (no requirements.txt, pyproject.toml or Pipfile)');
  return { tool: 'none' };
}

/** PEP 621 `[project] dependencies = [...]` (strings only; anything option-like is dropped). */
export function projectDependencies(toml: string): string[] {
  const table = /^\[project\][^\n]*\n([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(toml)?.[1] ?? '';
  const start = /^dependencies\s*=\s*\[/m.exec(table);
  if (!start) return [];
  const out: string[] = [];
  // Strings up to the closing bracket outside them ("uvicorn[standard]" has brackets of its own).
  const token = /\s+|,|#[^\n]*|"([^"\n]*)"|'([^'\n]*)'|(\])|(.)/gy;
  token.lastIndex = start.index + start[0].length;
  for (let m = token.exec(table); m; m = token.exec(table)) {
    if (m[3] || m[4]) break;
    const value = (m[1] ?? m[2])?.trim();
    if (value && !value.startsWith('-')) out.push(value);
  }
  return out;
}

function serverCommand(framework: Framework, target: string, appDir: string, port: number): string[] {
  if (framework === 'fastapi') {
    return [
      'python',
      '-m',
      'uvicorn',
      target,
      '--host',
      '0.0.0.0',
      '--port',
      String(port),
      ...(appDir === '.' ? [] : ['--app-dir', appDir]),
    ];
  }
  return [
    'python',
    '-m',
    'gunicorn',
    '--bind',
    `0.0.0.0:${port}`,
    '--worker-tmp-dir',
    '/tmp',
    ...(appDir === '.' ? [] : ['--chdir', appDir]),
    target,
  ];
}

/** Django: the settings package manage.py names, else the folder whose wsgi.py builds the application. */
function djangoTarget(tree: AppTree): { target: string; appDir: string; file: string } | null {
  const settings = /DJANGO_SETTINGS_MODULE["']\s*,\s*["']([A-Za-z_]\w*)\.settings["']/.exec(
    tree.read('manage.py') ?? '',
  )?.[1];
  const candidates = settings
    ? [`${settings}/wsgi.py`]
    : tree.paths.filter((p) => /^[A-Za-z_]\w*\/wsgi\.py$/.test(p)).sort();
  const file = candidates.find((f) => /get_wsgi_application/.test(tree.read(f) ?? ''));
  return file ? { target: `${file.slice(0, -'/wsgi.py'.length)}.wsgi:application`, appDir: '.', file } : null;
}

/** The module that really defines the app, preferring the conventional entry files. */
function appModule(
  tree: AppTree,
  framework: 'fastapi' | 'flask',
): { target: string; appDir: string; file: string } | null {
  const cls = framework === 'fastapi' ? 'FastAPI' : 'Flask';
  const assign = new RegExp(`^(\\w+)\\s*(?::\\s*[\\w.]+\\s*)?=\\s*(?:\\w+\\.)?${cls}\\(`, 'm');
  const preferred = [
    'main.py',
    'app.py',
    'server.py',
    'wsgi.py',
    'asgi.py',
    'app/main.py',
    'app/__init__.py',
    'src/main.py',
    'src/app.py',
  ];
  const rank = (p: string) => (preferred.includes(p) ? preferred.indexOf(p) : preferred.length);
  const files = tree.paths
    .filter((p) => p.endsWith('.py') && p.split('/').length <= 3 && tree.read(p) !== undefined)
    .sort((a, b) => rank(a) - rank(b) || a.split('/').length - b.split('/').length || a.localeCompare(b));
  for (const file of files) {
    const source = tree.read(file)!;
    const match = assign.exec(source);
    const factory = framework === 'flask' && !match && /^def create_app\(/m.test(source);
    if (!match && !factory) continue;
    const appDir = file.startsWith('src/') ? 'src' : '.';
    const module = (appDir === 'src' ? file.slice(4) : file)
      .replace(/\/__init__\.py$|\.py$/, '')
      .split('/')
      .join('.');
    if (!/^[A-Za-z_][\w.]*$/.test(module)) continue;
    return { target: `${module}:${match ? match[1] : 'create_app()'}`, appDir, file };
  }
  return null;
}
