import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, nodeServer, viaRouter } from './paas-fixtures.js';
import { startPaasStack, type AppView, type DeploymentView, type PaasStack } from './paas-stack.js';

/**
 * Detection for real repository shapes, deployed on the real Docker Engine with the local Debian
 * base images (`make paas-images`): a monorepo package chosen by the app's root directory (built in
 * the Node build image), a Procfile that fixes its port, and Flask and FastAPI apps whose
 * dependencies come from the Python image's Debian packages (no package index is reachable here).
 * Each must reach `running`, serve through the router, and log why it was detected as it was.
 */
let stack: PaasStack;

beforeAll(async () => {
  stack = await startPaasStack();
}, 600_000);

afterAll(async () => {
  await stack?.close();
});

async function deployWith(
  name: string,
  repoUrl: string,
  build: Record<string, unknown> = {},
): Promise<{ app: AppView; deployment: DeploymentView }> {
  const res = await stack.call('POST', '/api/v1/admin/paas/apps', { name, repoUrl, build });
  expect(res.status, await res.clone().text()).toBe(201);
  const app = (await res.json()) as AppView;
  const deployment = await stack.settled((await stack.deploy(app.id)).id, 240_000);
  return { app, deployment };
}

/** The generated Dockerfile, as the deployment view returns it. */
async function dockerfileOf(id: string): Promise<string> {
  return ((await (await stack.call('GET', `/api/v1/admin/paas/deployments/${id}`)).json()) as { dockerfile: string })
    .dockerfile;
}

describe('PaaS detection on real repository shapes', () => {
  it('a monorepo package: root directory, build step in the build image, health-check path; the root Dockerfile is not used', async () => {
    const repo = await makeRepo(stack.root, 'monorepo', {
      'package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }),
      Dockerfile: 'FROM scratch\nCMD ["nothing"]\n',
      'apps/docs/index.html': '<h1>docs</h1>',
      'apps/web/package.json': JSON.stringify({
        name: 'web',
        scripts: { build: 'node build.js', start: 'node server.js' },
      }),
      'apps/web/build.js':
        "require('fs').mkdirSync('dist', { recursive: true });\nrequire('fs').writeFileSync('dist/built.txt', 'built in ' + process.version);\n",
      'apps/web/server.js': nodeServer('mono').replace(
        "res.end('mono from '",
        "res.end(require('fs').readFileSync(__dirname + '/dist/built.txt', 'utf8') + ' | mono from '",
      ),
    });
    const { app, deployment } = await deployWith('Mono Web', repo.url, {
      rootDir: 'apps/web',
      healthCheckPath: '/self',
    });
    expect(deployment.status, deployment.log ?? '').toBe('running');
    expect((app as AppView & { build: { rootDir: string } }).build).toMatchObject({
      rootDir: 'apps/web',
      healthCheckPath: '/self',
    });
    expect(deployment.log).toMatch(/==> Detected a Node\.js server \(npm, no lockfile\), started with `npm start`/);
    for (const reason of [
      'root directory apps/web/ (app settings)',
      'Dockerfile at the repository root not used: the app is in apps/web/',
      'Node.js: apps/web/package.json',
      'build: the "build" script, `node build.js` (apps/web/package.json)',
      'start: the "start" script, `node server.js` (apps/web/package.json)',
      'port 8080, passed as PORT (the app must listen on 0.0.0.0:$PORT)',
    ])
      expect(deployment.log).toContain(`  ${reason}`);
    expect(deployment.log).toMatch(/answered HTTP 200 on \/self/);
    const dockerfile = await dockerfileOf(deployment.id);
    expect(dockerfile).toContain('FROM omervision/paas-node-build:local AS build');
    expect(dockerfile).toContain('COPY app/apps/web/ ./');
    expect((await viaRouter(stack.routerPort, stack.host(app.slug))).body).toMatch(
      /^built in v24\.\d+\.\d+ \| mono from node$/,
    );
  });

  it('build settings: unsafe ones are refused naming the field; null resets one; argv and strings are kept', async () => {
    const res = await stack.call('POST', '/api/v1/admin/paas/apps', {
      name: 'Settings',
      repoUrl: `file://${stack.root}/monorepo`,
    });
    const app = (await res.json()) as AppView;
    const patch = (build: Record<string, unknown>) =>
      stack.call('PATCH', `/api/v1/admin/paas/apps/${app.id}`, { build });
    for (const [build, field] of [
      [{ rootDir: '../../etc' }, 'body.build.rootDir'],
      [{ outputDir: 'dist/$HOME' }, 'body.build.outputDir'],
      [{ startCommand: ['node', 'a\u0000'] }, 'body.build.startCommand'],
      [{ healthCheckPath: 'health' }, 'body.build.healthCheckPath'],
      [{ port: 0 }, 'body.build.port'],
      [{ placement: ['node.labels.region=eu'] }, 'body.build.placement'],
      [{ placement: ['node.role==manager', 'rm -rf /'] }, 'body.build.placement'],
      [{ placement: Array.from({ length: 11 }, (_, i) => `node.labels.l${i}==x`) }, 'body.build.placement'],
    ] as const) {
      const refused = await patch(build);
      expect(refused.status, JSON.stringify(build)).toBe(422);
      expect(((await refused.json()) as { errors: { field: string }[] }).errors.map((e) => e.field)).toContain(field);
    }
    const saved = await patch({
      rootDir: './apps/web/',
      startCommand: ['node', 'server.js'],
      buildCommand: 'npm run build && echo "done"',
      port: 3000,
      placement: [' node.labels.region == eu ', 'node.role!=manager', 'node.labels.region==eu'],
    });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as { build: unknown }).build).toEqual({
      rootDir: 'apps/web',
      buildCommand: 'npm run build && echo "done"',
      startCommand: ['node', 'server.js'],
      outputDir: null,
      port: 3000,
      healthCheckPath: null,
      // Written the way Swarm reads them, each once.
      placement: ['node.labels.region==eu', 'node.role!=manager'],
    });
    const reset = await patch({ port: null, buildCommand: null, placement: [] });
    expect(((await reset.json()) as { build: unknown }).build).toMatchObject({
      rootDir: 'apps/web',
      buildCommand: null,
      port: null,
      placement: null,
    });
    expect((await stack.call('DELETE', `/api/v1/admin/paas/apps/${app.id}`)).status).toBe(204);
  });

  it('a Procfile: its web: line starts the app through sh -c, on the port it fixes', async () => {
    const repo = await makeRepo(stack.root, 'procfile', {
      Procfile: 'web: python3 server.py --port 5000 --greeting "from a Procfile"\n',
      'server.py': [
        'import argparse, http.server, os',
        'p = argparse.ArgumentParser(); p.add_argument("--port", type=int); p.add_argument("--greeting")',
        'a = p.parse_args()',
        'class H(http.server.BaseHTTPRequestHandler):',
        '    def do_GET(self):',
        '        body = f"{a.greeting} on {a.port}, PORT={os.environ.get(\'PORT\')}".encode()',
        '        self.send_response(200); self.send_header("content-length", str(len(body))); self.end_headers(); self.wfile.write(body)',
        'http.server.ThreadingHTTPServer(("0.0.0.0", a.port), H).serve_forever()',
      ].join('\n'),
    });
    const { app, deployment } = await deployWith('Procfile App', repo.url);
    expect(deployment.status, deployment.log ?? '').toBe('running');
    expect(deployment.log).toContain(
      '  start: python3 server.py --port 5000 --greeting "from a Procfile" (web: line of Procfile, run by sh -c)',
    );
    expect(deployment.log).toContain('  port 5000 (the Procfile web: command listens there)');
    expect(deployment.log).toContain('  dependencies: none (no requirements.txt, pyproject.toml or Pipfile)');
    expect(await dockerfileOf(deployment.id)).toContain(
      'CMD ["sh","-c","python3 server.py --port 5000 --greeting \\"from a Procfile\\""]',
    );
    expect((await viaRouter(stack.routerPort, stack.host(app.slug))).body).toBe('from a Procfile on 5000, PORT=5000');
  });

  it('Flask from requirements.txt: gunicorn, dependencies satisfied by the Python image without an index', async () => {
    const repo = await makeRepo(stack.root, 'flask-app', {
      'requirements.txt': 'flask\n',
      'app.py':
        'from flask import Flask\n\napplication = Flask(__name__)\n\n\n@application.get("/")\ndef index():\n    return "hello from flask"\n',
    });
    const { app, deployment } = await deployWith('Flask App', repo.url);
    expect(deployment.status, deployment.log ?? '').toBe('running');
    expect(deployment.log).toMatch(/==> Detected a Flask app served by gunicorn \(app:application\)/);
    expect(deployment.log).toContain('  dependencies: pip (requirements.txt)');
    expect(deployment.log).toContain('  Flask: listed in requirements.txt; the app is app:application (app.py)');
    expect(deployment.log).toContain('  gunicorn: not among the dependencies, installed for the start command');
    // pip found Flask and gunicorn in the image (the step says so, or ran before and is cached): no index was needed.
    expect(deployment.log).toMatch(
      /Requirement already satisfied: flask|Step \d+\/\d+ : RUN \["python","-m","pip","install","-r","requirements.txt"\]\n\s*---> Using cache/i,
    );
    expect(await dockerfileOf(deployment.id)).toContain('FROM omervision/paas-python:local');
    expect((await viaRouter(stack.routerPort, stack.host(app.slug))).body).toBe('hello from flask');
  });

  it('FastAPI from pyproject.toml in a src layout: uvicorn, with a health-check path that must answer 2xx', async () => {
    const repo = await makeRepo(stack.root, 'fastapi-app', {
      'pyproject.toml': '[project]\nname = "svc"\nversion = "1.0.0"\ndependencies = [\n  "fastapi",\n  "uvicorn",\n]\n',
      'src/svc/__init__.py': '',
      'src/svc/main.py':
        'from fastapi import FastAPI\n\napp = FastAPI()\n\n\n@app.get("/")\ndef index():\n    return {"hello": "fastapi"}\n\n\n@app.get("/health")\ndef health():\n    return {"ok": True}\n',
    });
    const { app, deployment } = await deployWith('FastAPI App', repo.url, { healthCheckPath: '/health' });
    expect(deployment.status, deployment.log ?? '').toBe('running');
    expect(deployment.log).toContain('  FastAPI: listed in pyproject.toml; the app is svc.main:app (src/svc/main.py)');
    expect(deployment.log).toContain(
      '  dependencies: pip, from [project].dependencies (pyproject.toml); the project runs from its sources, not installed',
    );
    expect(deployment.log).toMatch(/answered HTTP 200 on \/health/);
    expect(JSON.parse((await viaRouter(stack.routerPort, stack.host(app.slug))).body)).toEqual({ hello: 'fastapi' });
  });
});
