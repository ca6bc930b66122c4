import { describe, expect, it } from 'vitest';
import { detect, NOTHING_DETECTED, wantsContent, type BuildPlan, type RepoSnapshot } from './detect.js';

/** A fixture tree: path → contents (null = present, contents not needed). */
function tree(files: Record<string, string | null>): RepoSnapshot {
  const paths = Object.keys(files);
  const contents: Record<string, string> = {};
  for (const [path, body] of Object.entries(files)) if (body !== null && wantsContent(path)) contents[path] = body;
  return { paths, contents };
}

function plan(files: Record<string, string | null>): BuildPlan {
  const result = detect(tree(files));
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

function failure(files: Record<string, string | null>): string {
  const result = detect(tree(files));
  if (result.ok) throw new Error(`detected ${result.plan.kind}`);
  return result.reason;
}

const pkg = (value: object) => JSON.stringify(value);

describe('detect: precedence', () => {
  it("uses the repository's own Dockerfile before anything else", () => {
    expect(plan({ Dockerfile: null, 'package.json': pkg({ scripts: { start: 'node x' } }), 'index.html': null })).toEqual({ kind: 'dockerfile' });
  });

  it('a Dockerfile in a subfolder does not count', () => {
    expect(plan({ 'docker/Dockerfile': null, 'index.html': null })).toEqual({ kind: 'static', root: '.' });
  });

  it('nothing detectable fails with a message naming what was looked for', () => {
    const reason = failure({ 'README.md': null, 'src/main.rs': null });
    expect(reason).toBe(NOTHING_DETECTED);
    expect(reason).toMatch(/Dockerfile.*package\.json.*requirements\.txt.*pyproject\.toml.*index\.html/);
  });
});

describe('detect: Node.js', () => {
  it('a server started with the start script; package manager from the lockfile', () => {
    expect(plan({ 'package.json': pkg({ scripts: { start: 'node server.js' }, dependencies: { express: '^5' } }), 'package-lock.json': null, 'server.js': null }))
      .toEqual({ kind: 'node', pm: 'npm', lockfile: 'package-lock.json', hasDependencies: true, build: false, start: ['npm', 'start'] });
    expect(plan({ 'package.json': pkg({ scripts: { start: 'x', build: 'tsc' }, dependencies: { a: '1' } }), 'pnpm-lock.yaml': null }))
      .toMatchObject({ kind: 'node', pm: 'pnpm', lockfile: 'pnpm-lock.yaml', build: true, start: ['pnpm', 'start'] });
    expect(plan({ 'package.json': pkg({ scripts: { start: 'x' }, dependencies: { a: '1' } }), 'yarn.lock': null })).toMatchObject({ pm: 'yarn', lockfile: 'yarn.lock' });
    expect(plan({ 'package.json': pkg({ scripts: { start: 'x' }, dependencies: { a: '1' } }), 'bun.lockb': null })).toMatchObject({ pm: 'bun', start: ['bun', 'run', 'start'] });
  });

  it('packageManager wins over the lockfiles and picks its own lockfile', () => {
    const p = plan({ 'package.json': pkg({ packageManager: 'pnpm@9.12.0', scripts: { start: 'x' }, dependencies: { a: '1' } }), 'package-lock.json': null, 'pnpm-lock.yaml': null });
    expect(p).toMatchObject({ pm: 'pnpm', lockfile: 'pnpm-lock.yaml' });
    expect(plan({ 'package.json': pkg({ packageManager: 'yarn@4.1.0', scripts: { start: 'x' } }), 'package-lock.json': null })).toMatchObject({ pm: 'yarn', lockfile: null });
  });

  it('no lockfile → npm; no dependencies → nothing to install', () => {
    expect(plan({ 'package.json': pkg({ main: 'src/app.js' }), 'src/app.js': null }))
      .toEqual({ kind: 'node', pm: 'npm', lockfile: null, hasDependencies: false, build: false, start: ['node', 'src/app.js'] });
  });

  it('falls back to main (when the file exists), then index.js', () => {
    expect(plan({ 'package.json': pkg({ main: './lib/main.js' }), 'lib/main.js': null })).toMatchObject({ start: ['node', 'lib/main.js'] });
    expect(plan({ 'package.json': pkg({ main: 'missing.js' }), 'index.js': null })).toMatchObject({ start: ['node', 'index.js'] });
    expect(failure({ 'package.json': pkg({ name: 'lib' }), 'lib.js': null })).toMatch(/"start" script.*"main".*index\.js/);
  });

  it('next → Next.js, whatever else is there', () => {
    expect(plan({ 'package.json': pkg({ dependencies: { next: '15', react: '19', vite: '6' }, scripts: { build: 'next build' } }), 'package-lock.json': null }))
      .toEqual({ kind: 'nextjs', pm: 'npm', lockfile: 'package-lock.json', hasDependencies: true });
  });

  it('astro or vite with a build script → a static build served as files', () => {
    expect(plan({ 'package.json': pkg({ devDependencies: { astro: '5' }, scripts: { build: 'astro build' } }), 'package-lock.json': null }))
      .toMatchObject({ kind: 'static-build', framework: 'astro', outDir: 'dist' });
    expect(plan({ 'package.json': pkg({ devDependencies: { vite: '6' }, scripts: { build: 'vite build' } }), 'yarn.lock': null }))
      .toMatchObject({ kind: 'static-build', framework: 'vite', pm: 'yarn' });
  });

  it('vite without a build script is a Node server when it can start', () => {
    expect(plan({ 'package.json': pkg({ dependencies: { vite: '6' }, scripts: { start: 'vite preview' } }) })).toMatchObject({ kind: 'node' });
  });

  it('invalid package.json fails with the parse error', () => {
    expect(failure({ 'package.json': '{ "name": ' })).toMatch(/package\.json is not valid JSON/);
    expect(failure({ 'package.json': '[1]' })).toMatch(/not valid JSON \(not an object\)/);
  });
});

describe('detect: Python', () => {
  it('FastAPI: uvicorn on the module that really defines the app', () => {
    const p = plan({
      'requirements.txt': 'fastapi==0.115.0\npydantic>=2\n',
      'main.py': 'print("not the app")\n',
      'app/__init__.py': '',
      'app/api.py': 'from fastapi import FastAPI\n\napi: FastAPI = FastAPI(title="x")\n',
    });
    expect(p).toEqual({ kind: 'python', framework: 'fastapi', target: 'app.api:api', appDir: '.', deps: 'requirements', serverListed: false });
  });

  it('prefers main.py, notices uvicorn (or fastapi[standard]) already listed', () => {
    const files = { 'requirements.txt': 'fastapi[standard]\n', 'main.py': 'import fastapi\napp = fastapi.FastAPI()\n', 'other.py': 'x = FastAPI()\n' };
    expect(plan(files)).toMatchObject({ target: 'main:app', serverListed: true });
    expect(plan({ ...files, 'requirements.txt': 'fastapi\nuvicorn[standard]==0.30\n' })).toMatchObject({ serverListed: true });
  });

  it('src layout imports from src/', () => {
    expect(plan({ 'pyproject.toml': '[project]\ndependencies = ["fastapi>=0.100", "uvicorn"]\n', 'src/service/main.py': 'app = FastAPI()\n' }))
      .toMatchObject({ target: 'service.main:app', appDir: 'src', deps: 'pyproject', serverListed: true });
  });

  it('Flask: gunicorn on the app object or the create_app() factory', () => {
    expect(plan({ 'requirements.txt': 'Flask==3.0\n', 'app.py': 'from flask import Flask\napplication = Flask(__name__)\n' }))
      .toMatchObject({ framework: 'flask', target: 'app:application', serverListed: false });
    expect(plan({ 'requirements.txt': 'flask\ngunicorn\n', 'web/__init__.py': 'def create_app():\n    return None\n' }))
      .toMatchObject({ target: 'web:create_app()', serverListed: true });
  });

  it('a framework without an app, or no framework, fails saying what was looked for', () => {
    expect(failure({ 'requirements.txt': 'fastapi\n', 'main.py': 'print(1)\n' })).toMatch(/no Python file .* assigns `<name> = FastAPI\(\.\.\.\)`/);
    expect(failure({ 'requirements.txt': 'requests\n', 'main.py': '' })).toMatch(/without FastAPI or Flask/);
    // "flask-cors" alone is not Flask
    expect(failure({ 'requirements.txt': 'flask-cors\n' })).toMatch(/without FastAPI or Flask/);
  });

  it('reads only Python files up to two folders deep', () => {
    expect(wantsContent('a/b/c.py')).toBe(true);
    expect(wantsContent('a/b/c/d.py')).toBe(false);
    expect(wantsContent('package.json')).toBe(true);
    expect(wantsContent('sub/package.json')).toBe(false);
  });
});

describe('detect: static', () => {
  it('index.html at the root, or in public/', () => {
    expect(plan({ 'index.html': null, 'style.css': null })).toEqual({ kind: 'static', root: '.' });
    expect(plan({ 'public/index.html': null, 'README.md': null })).toEqual({ kind: 'static', root: 'public' });
  });
});
