import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL } from '../../api/src/services/paas/container-spec.js';
import { makeRepo } from '../../api/test/paas-fixtures.js';
import { eventually, runScript } from '../../api/test/harness.js';
import { ADMIN, startStack, type Stack } from './stack.ts';

// A PaaS app from the admin: create from a git URL, deploy, watch the build log arrive live over
// SSE, see it running, delete it (after the dialog) and find Docker as it was. Needs a Docker
// Engine (scripts/services.sh start docker); like every test here it never skips.
const ARTIFACTS = new URL('../../test-results/e2e/', import.meta.url).pathname;
mkdirSync(ARTIFACTS, { recursive: true });
const docker = new Docker();

let stack: Stack;
let root: string;
beforeAll(async () => {
  try {
    await docker.ping();
  } catch (err) {
    throw new Error(
      `The PaaS browser test needs a Docker Engine and none answers (${(err as Error).message}). Start one: scripts/services.sh start docker.`,
      { cause: err },
    );
  }
  const images = await runScript(['scripts/paas-images.sh'], 180_000);
  if (images.code !== 0) throw new Error(`scripts/paas-images.sh failed:\n${images.output}`);
  root = await mkdtemp(join(tmpdir(), 'ov-admin-paas-'));
  // The stack's API and worker read these through the test environment (file:// fixture repos).
  process.env.PAAS_ALLOW_LOCAL_REPOS = '1';
  process.env.PAAS_WORK_DIR = join(root, 'work');
  process.env.PAAS_HEALTH_TIMEOUT_MS = '20000';
  stack = await startStack();
}, 300_000);
afterAll(async () => {
  await stack?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('admin: PaaS apps', () => {
  it('creates an app from a git URL, streams its build log live, runs it, and deletes it after asking', async () => {
    const repo = await makeRepo(root, 'admin-static', {
      'index.html': '<!doctype html><h1>Deployed from the admin</h1>',
    });
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${stack.site.url}/admin/`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Apps' }).click();
    await page.getByRole('button', { name: 'New app' }).click();
    const dialog = page.getByRole('dialog', { name: 'New app' });
    await dialog.getByLabel('Name').fill('Admin Static');
    await dialog.getByLabel('Git URL').fill(repo.url);
    await dialog.getByRole('button', { name: 'Create and deploy' }).click();
    await page.getByText('Push webhook secret of Admin Static').waitFor();
    await page.getByRole('link', { name: 'Open Admin Static →' }).click();
    await page.getByRole('heading', { name: 'Admin Static', level: 1 }).waitFor();

    // Lines arrive while the deployment runs (the status says Live), then the stream ends by itself.
    const log = page.getByLabel('Deployment log');
    await page.getByText('● Live').waitFor({ timeout: 30_000 });
    await expect
      .poll(async () => (await log.textContent()) ?? '', { timeout: 60_000 })
      .toMatch(/Detected a static site/);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-paas-live-log.png'), fullPage: true });
    await page.getByText('The deployment finished.').waitFor({ timeout: 180_000 });
    expect(await log.textContent()).toMatch(/answered HTTP 200/);
    await expect
      .poll(async () => page.locator('.page-head .badge').first().textContent(), { timeout: 30_000 })
      .toBe('running');
    await page.getByRole('link', { name: 'Open preview ↗' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'admin-paas-running.png'), fullPage: true });

    const appId = page.url().split('/').pop()!;
    await page.getByRole('button', { name: 'Delete app' }).click();
    await page
      .getByRole('dialog', { name: 'Delete Admin Static?' })
      .getByRole('button', { name: 'Delete app' })
      .click();
    await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
    await eventually(async () => (await stack.call('GET', `/api/v1/admin/paas/apps/${appId}`)).status === 404, 30_000);
    await eventually(
      async () =>
        (await docker.listContainers({ all: true, filters: { label: [`${LABEL.app}=${appId}`] } })).length === 0,
      60_000,
      500,
    );
    await context.close();
  }, 300_000);

  it('a private repository: the server makes a deploy key, the admin copies its public half; a token is write-only', async () => {
    const context = await stack.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${stack.site.url}/admin/`);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Apps' }).click();
    await page.getByRole('button', { name: 'New app' }).click();
    const dialog = page.getByRole('dialog', { name: 'New app' });
    await dialog.getByLabel('Name').fill('Private Key App');
    // An address literal: nothing is resolved or contacted (the app is not deployed here).
    await dialog.getByLabel('Git URL').fill('git@93.184.215.14:owner/private.git');
    await dialog.getByText('Private repository').click();
    await dialog.getByLabel('Sign-in').selectOption('deployKey');
    await dialog.getByRole('button', { name: 'Create and show the key' }).click();
    const key = page.getByRole('region', { name: 'Deploy key' });
    await expect
      .poll(async () => (await key.locator('code').textContent()) ?? '')
      .toMatch(/^ssh-ed25519 AAAA[A-Za-z0-9+/]+ omervision-private-key-app$/);
    await page.screenshot({ path: join(ARTIFACTS, 'admin-paas-deploy-key.png'), fullPage: true });
    await page.getByRole('link', { name: 'Open Private Key App →' }).click();
    await page.getByRole('button', { name: 'Edit settings' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit app' });
    await edit.getByText(/Fingerprint SHA256:/).waitFor();
    await edit.getByText(/not pinned yet/).waitFor();
    await edit.getByRole('button', { name: 'Copy the deploy key' }).waitFor();
    await edit.getByText('Private repository').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'admin-paas-deploy-key-settings.png') });

    // Switch to an https URL with a token: saved, never shown back, the key deleted.
    await edit.getByLabel('Git URL').fill('https://93.184.215.14/owner/private.git');
    await edit.getByLabel('Sign-in').selectOption('token');
    await edit.getByLabel('Access token').fill('glpat-never-shown-again-123');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('App saved').waitFor();
    const appId = page.url().split('/').pop()!;
    const view = (await (await stack.call('GET', `/api/v1/admin/paas/apps/${appId}`)).json()) as {
      repoAccess: { method: string; tokenSet: boolean; deployKey: string | null };
    };
    expect(view.repoAccess).toMatchObject({ method: 'token', tokenSet: true, deployKey: null });
    expect(JSON.stringify(view)).not.toContain('glpat-never-shown-again-123');
    await page.getByRole('button', { name: 'Edit settings' }).click();
    await expect
      .poll(async () => page.getByRole('dialog', { name: 'Edit app' }).getByLabel('Access token').inputValue())
      .toBe('');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-paas-token.png'), fullPage: true });
    await stack.call('DELETE', `/api/v1/admin/paas/apps/${appId}`);
    await context.close();
  }, 120_000);
});
