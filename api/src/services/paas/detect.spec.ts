import { describe, expect, it } from 'vitest';
import type { BuildSettings } from './build-settings.js';
import { admitsMajor } from './detect-node.js';
import { projectDependencies } from './detect-python.js';
import { detect, NOTHING_DETECTED, wantsContent, type BuildPlan, type Detection, type RepoSnapshot } from './detect.js';

/** A fixture tree: path → contents (null = present, contents not needed). */
function tree(files: Record<string, string | null>): RepoSnapshot {
  const paths = Object.keys(files);
  const contents: Record<string, string> = {};
  for (const [path, body] of Object.entries(files)) if (body !== null && wantsContent(path)) contents[path] = body;
  return { paths, contents };
}

function detected(
  files: Record<string, string | null>,
  settings: Partial<BuildSettings> = {},
): Extract<Detection, { ok: true }> {
  const result = detect(tree(files), settings);
  if (!result.ok) throw new Error(result.reason);
  return result;
}

function plan(files: Record<string, string | null>, settings: Partial<BuildSettings> = {}): BuildPlan {
  return detected(files, settings).plan;
}

function failure(files: Record<string, string | null>, settings: Partial<BuildSettings> = {}): string {
  const result = detect(tree(files), settings);
  if (result.ok) throw new Error(`detected ${result.plan.kind}`);
  return result.reason;
}

const pkg = (value: object) => JSON.stringify(value);
const at = { rootDir: '.', port: 8080 };

describe('detect: precedence', () => {
  it("uses the repository's own Dockerfile before anything else, saying why", () => {
    const d = detected({ Dockerfile: null, 'package.json': pkg({ scripts: { start: 'node x' } }), 'index.html': null });
    expect(d.plan).toEqual({ kind: 'dockerfile' });
    expect(d.reasons).toEqual(["the repository's own Dockerfile is used as is (Dockerfile)"]);
    expect(detected({ Dockerfile: 'FROM x' }, { startCommand: 'x', port: 3000 }).reasons[1]).toMatch(
      /not applied to an own Dockerfile: startCommand, port/,
    );
  });

  it('a Dockerfile in a subfolder does not count', () => {
    expect(plan({ 'docker/Dockerfile': null, 'index.html': null })).toEqual({ kind: 'static', root: '.', ...at });
  });

  it('nothing detectable fails naming what was looked for, and the subfolders that hold apps', () => {
    const reason = failure({ 'README.md': null, 'src/main.rs': null });
    expect(reason).toBe(NOTHING_DETECTED);
    expect(reason).toMatch(
      /Dockerfile.*package\.json.*requirements\.txt.*pyproject\.toml.*Pipfile.*Procfile.*index\.html/,
    );
    const mono = failure({
      'README.md': null,
      'apps/web/package.json': '{}',
      'services/api/requirements.txt': 'flask\n',
    });
    expect(mono).toContain(NOTHING_DETECTED);
    expect(mono).toMatch(
      /Apps in subfolders: apps\/web\/ \(package\.json\), services\/api\/ \(requirements\.txt\); set the app's root directory/,
    );
  });
});

describe('detect: root directory (monorepos)', () => {
  const mono = {
    Dockerfile: 'FROM scratch',
    'package.json': pkg({ private: true, workspaces: ['apps/*'] }),
    'apps/web/package.json': pkg({ scripts: { start: 'node server.js' } }),
    'apps/web/server.js': null,
    'apps/web/Dockerfile': null,
  };

  it('detects inside the root directory; the root Dockerfile and the subfolder one are not used', () => {
    const d = detected(mono, { rootDir: 'apps/web' });
    expect(d.plan).toMatchObject({
      kind: 'node',
      rootDir: 'apps/web',
      start: ['npm', 'start'],
      hasDependencies: false,
    });
    expect(d.reasons).toEqual(
      expect.arrayContaining([
        'root directory apps/web/ (app settings)',
        'Dockerfile at the repository root not used: the app is in apps/web/',
        'apps/web/Dockerfile not used: an own Dockerfile is used only at the repository root',
        'Node.js: apps/web/package.json',
        'start: the "start" script, `node server.js` (apps/web/package.json)',
      ]),
    );
  });

  it('a missing or unsafe root directory fails', () => {
    expect(failure(mono, { rootDir: 'apps/api' })).toMatch(/apps\/api\/ \(app settings\) has no files/);
    expect(failure(mono, { rootDir: '../etc' })).toMatch(/not a safe relative folder/);
    expect(failure({ 'apps/web/README.md': null }, { rootDir: 'apps/web' })).toContain(
      'Nothing to deploy was detected in apps/web/',
    );
  });

  it('reads manifests down to three folders and Python modules two below that', () => {
    expect(wantsContent('a/b/c/package.json')).toBe(true);
    expect(wantsContent('a/b/c/d/package.json')).toBe(false);
    expect(wantsContent('svc/api/app/main.py')).toBe(true);
    expect(wantsContent('a/b/c/d/e/f/g.py')).toBe(false);
    expect(wantsContent('tests/test_app.py')).toBe(false);
    expect(wantsContent('sub/Dockerfile')).toBe(false);
  });
});

describe('detect: Node.js', () => {
  it('a server started with the start script; package manager from the lockfile', () => {
    expect(
      plan({
        'package.json': pkg({ scripts: { start: 'node server.js' }, dependencies: { express: '^5' } }),
        'package-lock.json': null,
        'server.js': null,
      }),
    ).toEqual({
      kind: 'node',
      pm: 'npm',
      lockfile: 'package-lock.json',
      hasDependencies: true,
      build: null,
      start: ['npm', 'start'],
      ...at,
    });
    expect(
      plan({
        'package.json': pkg({ scripts: { start: 'x', build: 'tsc' }, dependencies: { a: '1' } }),
        'pnpm-lock.yaml': null,
      }),
    ).toMatchObject({
      kind: 'node',
      pm: 'pnpm',
      lockfile: 'pnpm-lock.yaml',
      build: ['pnpm', 'run', 'build'],
      start: ['npm', 'start'],
    });
    expect(
      plan({ 'package.json': pkg({ scripts: { start: 'x' }, dependencies: { a: '1' } }), 'yarn.lock': null }),
    ).toMatchObject({ pm: 'yarn', lockfile: 'yarn.lock' });
    expect(
      plan({ 'package.json': pkg({ scripts: { start: 'x' }, dependencies: { a: '1' } }), 'bun.lockb': null }),
    ).toMatchObject({ pm: 'bun', start: ['bun', 'run', 'start'] });
  });

  it('packageManager (corepack) wins over the lockfiles and picks its own lockfile, naming the file', () => {
    const d = detected({
      'package.json': pkg({ packageManager: 'pnpm@9.12.0', scripts: { start: 'x' }, dependencies: { a: '1' } }),
      'package-lock.json': null,
      'pnpm-lock.yaml': null,
    });
    expect(d.plan).toMatchObject({ pm: 'pnpm', lockfile: 'pnpm-lock.yaml' });
    expect(d.reasons).toContain('package manager: pnpm@9.12.0, through corepack ("packageManager" in package.json)');
    expect(d.reasons).toContain(
      'lockfile: pnpm-lock.yaml, copied before the sources (install layer cached until it changes)',
    );
    expect(
      plan({
        'package.json': pkg({ packageManager: 'yarn@4.1.0', scripts: { start: 'x' } }),
        'package-lock.json': null,
      }),
    ).toMatchObject({ pm: 'yarn', lockfile: null });
  });

  it('no lockfile → npm; no dependencies → nothing to install', () => {
    const d = detected({ 'package.json': pkg({ main: 'src/app.js' }), 'src/app.js': null });
    expect(d.plan).toEqual({
      kind: 'node',
      pm: 'npm',
      lockfile: null,
      hasDependencies: false,
      build: null,
      start: ['node', 'src/app.js'],
      ...at,
    });
    expect(d.reasons).toEqual(
      expect.arrayContaining([
        'package manager: npm (no lockfile, no "packageManager")',
        'no dependencies in package.json: nothing to install',
      ]),
    );
  });

  it('falls back to main (existing, or written by a build), then index.js, server.js, app.js', () => {
    expect(plan({ 'package.json': pkg({ main: './lib/main.js' }), 'lib/main.js': null })).toMatchObject({
      start: ['node', 'lib/main.js'],
    });
    expect(
      plan({ 'package.json': pkg({ main: 'dist/index.js', scripts: { build: 'tsc' } }), 'src/index.ts': null }),
    ).toMatchObject({ kind: 'node', build: ['npm', 'run', 'build'], start: ['node', 'dist/index.js'] });
    expect(plan({ 'package.json': pkg({ main: 'missing.js' }), 'index.js': null })).toMatchObject({
      start: ['node', 'index.js'],
    });
    expect(plan({ 'package.json': pkg({}), 'server.js': null })).toMatchObject({ start: ['node', 'server.js'] });
    expect(failure({ 'package.json': pkg({ name: 'lib' }), 'lib.js': null })).toMatch(
      /Procfile web: line, a "start" script, a "main" file that exists and index\.js/,
    );
  });

  it('engines.node is reported, with a warning when it leaves out the base Node', () => {
    const reasons = (engines: string) =>
      detected({ 'package.json': pkg({ engines: { node: engines }, scripts: { start: 'x' } }) }).reasons.join('\n');
    expect(reasons('>=18')).toContain('engines.node ">=18" (package.json): Node 24 of the base images');
    expect(reasons('^18 || ^20')).toMatch(
      /engines\.node "\^18 \|\| \^20" \(package\.json\) leaves out Node 24 .* building with it anyway/,
    );
    expect(admitsMajor('>= 20.6.0', 24)).toBe(true);
    expect(admitsMajor('20.x || 22.x || 24.x', 24)).toBe(true);
    expect(admitsMajor('>=18 <24', 24)).toBe(false);
    expect(admitsMajor('<24.1', 24)).toBe(true);
    expect(admitsMajor('18 - 22', 24)).toBe(false);
    expect(admitsMajor('lts/*', 24)).toBeNull();
  });

  it('next → Next.js; output: export → a static export served from out/', () => {
    expect(
      plan({
        'package.json': pkg({ dependencies: { next: '15', react: '19', vite: '6' }, scripts: { build: 'next build' } }),
        'package-lock.json': null,
      }),
    ).toEqual({
      kind: 'nextjs',
      pm: 'npm',
      lockfile: 'package-lock.json',
      hasDependencies: true,
      build: null,
      start: null,
      ...at,
    });
    const d = detected({
      'package.json': pkg({ dependencies: { next: '15' }, scripts: { build: 'next build' } }),
      'next.config.mjs': "export default { output: 'export' };\n",
    });
    expect(d.plan).toMatchObject({ kind: 'static-build', outDir: 'out', build: ['npm', 'run', 'build'] });
    expect(d.reasons).toContain("Next.js static export: output: 'export' (next.config.mjs), out/ served as files");
    // A commented-out export (create-next-app's and Render's templates ship one) is a server.
    const commented =
      'const nextConfig = {\n  // Uncomment to build a static site.\n  // output: "export",\n  /* output: \'export\' */\n  reactStrictMode: true,\n};\nexport default nextConfig;\n';
    expect(
      detected({
        'package.json': pkg({ dependencies: { next: '15' }, scripts: { build: 'next build', start: 'next start' } }),
        'next.config.mjs': commented,
      }).plan.kind,
    ).toBe('nextjs');
  });

  it('a build script without a production start → a static build; the output folder from the framework or the script', () => {
    const astro = detected({
      'package.json': pkg({ devDependencies: { astro: '5' }, scripts: { build: 'astro build', start: 'astro dev' } }),
      'package-lock.json': null,
    });
    expect(astro.plan).toMatchObject({ kind: 'static-build', outDir: 'dist', build: ['npm', 'run', 'build'] });
    expect(astro.summary).toBe('an Astro static build (npm, package-lock.json), dist/ served as files');
    expect(astro.reasons).toContain(
      'the "start" script `astro dev` runs a development server: not used (package.json)',
    );
    expect(
      plan({
        'package.json': pkg({ devDependencies: { vite: '6' }, scripts: { build: 'vite build' } }),
        'yarn.lock': null,
      }),
    ).toMatchObject({ kind: 'static-build', pm: 'yarn', build: ['yarn', 'build'] });
    expect(
      plan({
        'package.json': pkg({
          dependencies: { 'react-scripts': '5' },
          scripts: { start: 'react-scripts start', build: 'react-scripts build' },
        }),
      }),
    ).toMatchObject({ outDir: 'build' });
    expect(
      plan({
        'package.json': pkg({
          scripts: { build: 'esbuild src/app.ts --bundle --outdir=x && node gen.js --out-dir public/site' },
        }),
      }),
    ).toMatchObject({ kind: 'static-build', outDir: 'public/site' });
    expect(plan({ 'package.json': pkg({ scripts: { build: 'make-site' } }) })).toMatchObject({
      kind: 'static-build',
      outDir: 'dist',
    });
  });

  it('a production start script keeps a server, also with a static framework', () => {
    expect(
      plan({
        'package.json': pkg({
          dependencies: { astro: '5', '@astrojs/node': '9' },
          scripts: { build: 'astro build', start: 'node ./dist/server/entry.mjs' },
        }),
      }),
    ).toMatchObject({ kind: 'node', build: ['npm', 'run', 'build'], start: ['npm', 'start'] });
    expect(
      plan({
        'package.json': pkg({ dependencies: { vite: '6' }, scripts: { start: 'vite preview' } }),
        'index.js': null,
      }),
    ).toMatchObject({ kind: 'node', start: ['node', 'index.js'] });
  });

  it('a port the start script fixes becomes the container port', () => {
    const d = detected({ 'package.json': pkg({ scripts: { start: 'PORT=3000 node server.js' } }) });
    expect(d.plan).toMatchObject({ port: 3000 });
    expect(d.reasons.at(-1)).toBe('port 3000 (the "start" script in package.json listens there)');
    expect(detected({ 'package.json': pkg({ scripts: { start: 'node s.js --port $PORT' } }) }).reasons.at(-1)).toBe(
      'port 8080, passed as PORT (the app must listen on 0.0.0.0:$PORT)',
    );
  });

  it('invalid package.json fails with the parse error', () => {
    expect(failure({ 'package.json': '{ "name": ' })).toMatch(/package\.json is not valid JSON/);
    expect(failure({ 'package.json': '[1]' })).toMatch(/not valid JSON \(not an object\)/);
  });
});

describe('detect: Procfile and app settings', () => {
  it("the Procfile's web: line is the start command (for sh -c), and may fix the port", () => {
    const d = detected({
      'package.json': pkg({ scripts: { start: 'node a.js' } }),
      Procfile: 'release: node migrate.js\nweb: node web.js --port 5000\n',
    });
    expect(d.plan).toMatchObject({ kind: 'node', start: 'node web.js --port 5000', port: 5000 });
    expect(d.reasons).toEqual(
      expect.arrayContaining([
        'start: node web.js --port 5000 (web: line of Procfile, run by sh -c)',
        'port 5000 (the Procfile web: command listens there)',
      ]),
    );
    expect(detected({ 'index.html': null, Procfile: 'worker: x\n' }).reasons).toContain(
      'Procfile has no web: line: not used',
    );
  });

  it('a Procfile alone picks the language from its command', () => {
    expect(plan({ Procfile: 'web: python3 -m http.server $PORT\n', 'index.html': null })).toMatchObject({
      kind: 'python',
      deps: { tool: 'none' },
      start: 'python3 -m http.server $PORT',
      extras: [],
    });
    expect(plan({ Procfile: 'web: node server.js', 'server.js': null })).toMatchObject({
      kind: 'node',
      hasDependencies: false,
      start: 'node server.js',
    });
    expect(failure({ Procfile: 'web: ./bin/server' })).toBe(NOTHING_DETECTED);
  });

  it('settings win over everything detected: commands, output folder, port', () => {
    const files = {
      'package.json': pkg({ scripts: { start: 'node a.js', build: 'tsc' } }),
      Procfile: 'web: node b.js',
    };
    const d = detected(files, {
      buildCommand: ['npm', 'run', 'compile'],
      startCommand: 'node c.js --port 4000',
      port: 9000,
    });
    expect(d.plan).toMatchObject({
      kind: 'node',
      build: ['npm', 'run', 'compile'],
      start: 'node c.js --port 4000',
      port: 9000,
    });
    expect(d.reasons).toEqual(
      expect.arrayContaining([
        'build: npm run compile (app settings)',
        'start: node c.js --port 4000 (app settings); the Procfile is not used',
        'port 9000 (app settings)',
      ]),
    );
    expect(plan(files, { outputDir: 'site' })).toMatchObject({
      kind: 'static-build',
      outDir: 'site',
      build: ['npm', 'run', 'build'],
    });
    expect(plan({ 'package.json': pkg({}), 'docs/index.html': null }, { outputDir: 'docs' })).toMatchObject({
      kind: 'static',
      root: 'docs',
    });
    expect(plan({ 'site/index.html': null }, { outputDir: 'site' })).toMatchObject({ kind: 'static', root: 'site' });
  });
});

describe('detect: Python', () => {
  it('FastAPI: uvicorn on the module that really defines the app, through python -m', () => {
    const d = detected({
      'requirements.txt': 'fastapi==0.115.0\npydantic>=2\n',
      'main.py': 'print("not the app")\n',
      'app/__init__.py': '',
      'app/api.py': 'from fastapi import FastAPI\n\napi: FastAPI = FastAPI(title="x")\n',
    });
    expect(d.plan).toEqual({
      kind: 'python',
      deps: { tool: 'requirements', sourcesFirst: false },
      extras: ['uvicorn'],
      build: null,
      start: ['python', '-m', 'uvicorn', 'app.api:api', '--host', '0.0.0.0', '--port', '8080'],
      ...at,
    });
    expect(d.reasons).toEqual(
      expect.arrayContaining([
        'dependencies: pip (requirements.txt)',
        'FastAPI: listed in requirements.txt; the app is app.api:api (app/api.py)',
      ]),
    );
  });

  it('prefers main.py, notices uvicorn (or fastapi[standard]) already listed', () => {
    const files = {
      'requirements.txt': 'fastapi[standard]\n',
      'main.py': 'import fastapi\napp = fastapi.FastAPI()\n',
      'other.py': 'x = FastAPI()\n',
    };
    expect(plan(files)).toMatchObject({ start: expect.arrayContaining(['main:app']), extras: [] });
    expect(plan({ ...files, 'requirements.txt': 'fastapi\nuvicorn[standard]==0.30\n' })).toMatchObject({ extras: [] });
  });

  it('src layout imports from src/; PEP 621 dependencies are written out, the project is not installed', () => {
    const d = detected({
      'pyproject.toml':
        '[project]\nname = "svc"\ndependencies = [\n  "fastapi>=0.100",\n  "uvicorn[standard]", # server\n]\n\n[tool.x]\ny = ["z"]\n',
      'src/service/main.py': 'app = FastAPI()\n',
    });
    expect(d.plan).toMatchObject({
      deps: { tool: 'pyproject', requirements: ['fastapi>=0.100', 'uvicorn[standard]'] },
      extras: [],
      start: expect.arrayContaining(['service.main:app', '--app-dir', 'src']),
    });
    expect(projectDependencies('[project]\ndependencies = [\'a\', "-e x"]\n')).toEqual(['a']);
  });

  it('Flask: gunicorn on the app object or the create_app() factory', () => {
    expect(
      plan({
        'requirements.txt': 'Flask==3.0\n',
        'app.py': 'from flask import Flask\napplication = Flask(__name__)\n',
      }),
    ).toMatchObject({
      start: ['python', '-m', 'gunicorn', '--bind', '0.0.0.0:8080', '--worker-tmp-dir', '/tmp', 'app:application'],
      extras: ['gunicorn'],
    });
    expect(
      plan({ 'requirements.txt': 'flask\ngunicorn\n', 'web/__init__.py': 'def create_app():\n    return None\n' }),
    ).toMatchObject({ start: expect.arrayContaining(['web:create_app()']), extras: [] });
  });

  it('Django: gunicorn on the wsgi module manage.py names', () => {
    const d = detected({
      'requirements.txt': 'Django>=4.2\n',
      'manage.py': 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
      'mysite/wsgi.py': 'from django.core.wsgi import get_wsgi_application\napplication = get_wsgi_application()\n',
    });
    expect(d.plan).toMatchObject({
      start: [
        'python',
        '-m',
        'gunicorn',
        '--bind',
        '0.0.0.0:8080',
        '--worker-tmp-dir',
        '/tmp',
        'mysite.wsgi:application',
      ],
    });
    expect(d.summary).toBe('a Django app served by gunicorn (mysite.wsgi:application)');
  });

  it('poetry, uv and pipenv from their lockfiles; requirements naming other files copy the sources first', () => {
    expect(
      plan({
        'pyproject.toml': '[tool.poetry]\nname="x"\n[tool.poetry.dependencies]\nflask = "^3"\n',
        'poetry.lock': null,
        'app.py': 'app = Flask(__name__)\n',
      }),
    ).toMatchObject({ deps: { tool: 'poetry', files: ['pyproject.toml', 'poetry.lock'] } });
    expect(
      plan({
        'pyproject.toml': '[project]\ndependencies = ["flask"]\n',
        'uv.lock': null,
        'app.py': 'app = Flask(__name__)\n',
      }),
    ).toMatchObject({ deps: { tool: 'uv', files: ['pyproject.toml', 'uv.lock'] } });
    expect(
      plan({ Pipfile: '[packages]\nflask = "*"\n', 'Pipfile.lock': null, 'app.py': 'app = Flask(__name__)\n' }),
    ).toMatchObject({ deps: { tool: 'pipenv', files: ['Pipfile', 'Pipfile.lock'] } });
    expect(plan({ 'requirements.txt': '-e .\nflask\n', 'app.py': 'app = Flask(__name__)\n' })).toMatchObject({
      deps: { tool: 'requirements', sourcesFirst: true },
    });
  });

  it('a Procfile starts any Python app; its server is installed when not listed', () => {
    const d = detected({ 'requirements.txt': 'requests\n', Procfile: 'web: gunicorn wsgi:app --bind 0.0.0.0:$PORT' });
    expect(d.plan).toMatchObject({
      kind: 'python',
      start: 'gunicorn wsgi:app --bind 0.0.0.0:$PORT',
      extras: ['gunicorn'],
      port: 8080,
    });
  });

  it('a framework without an app, or no framework and no Procfile, fails saying what was looked for', () => {
    expect(failure({ 'requirements.txt': 'fastapi\n', 'main.py': 'print(1)\n' })).toMatch(
      /no Python file .* assigns `<name> = FastAPI\(\.\.\.\)`/,
    );
    expect(failure({ 'requirements.txt': 'requests\n', 'main.py': '' })).toMatch(
      /without Django, FastAPI or Flask .* Add a Procfile/,
    );
    // "flask-cors" alone is not Flask
    expect(failure({ 'requirements.txt': 'flask-cors\n' })).toMatch(/without Django, FastAPI or Flask/);
  });
});

describe('detect: static', () => {
  it('index.html at the root, or in public/', () => {
    expect(plan({ 'index.html': null, 'style.css': null })).toEqual({ kind: 'static', root: '.', ...at });
    expect(plan({ 'public/index.html': null, 'README.md': null })).toEqual({ kind: 'static', root: 'public', ...at });
    expect(detected({ 'index.html': null }).summary).toBe('a static site (index.html in the root)');
  });
});
