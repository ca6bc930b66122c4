import { mkdtempSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { changedPaths, processRelease, readManifest } from './release-files.ts';

const dirs: string[] = [];
function release(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ov-release-'));
  dirs.push(dir);
  for (const [path, body] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const page = (text: string) => `<!doctype html><html lang="tr"><body>${text.padEnd(12, '.').repeat(40)}</body></html>`;

describe('processRelease', () => {
  it('hashes every file, precompresses text with brotli and gzip, and writes the manifest', async () => {
    const dir = release({
      'index.html': page('Merhaba dünya — ığdır '),
      '_astro/a.1234.css': 'body{color:red}'.repeat(30),
      'favicon.png': 'x',
    });
    const { manifest, stats } = await processRelease(dir, 'r1', null);
    expect(stats).toEqual({ files: 3, compressed: 2, reused: 0, carried: 0 });
    const index = manifest.files['/index.html']!;
    expect(index.hash).toMatch(/^[\w-]{27}$/);
    expect(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString()).toBe(
      page('Merhaba dünya — ığdır '),
    );
    expect(gunzipSync(readFileSync(join(dir, 'index.html.gz'))).toString()).toBe(page('Merhaba dünya — ığdır '));
    expect(index.br).toBeLessThan(index.size);
    expect(manifest.files['/favicon.png']).toEqual({ hash: expect.any(String), size: 1 });
    expect(await readManifest(dir)).toEqual(manifest);
  });

  it("records the CSP hashes of each page's inline scripts", async () => {
    const dir = release({
      'index.html': `<script>1+1</script>${page('x')}`,
      'plain/index.html': page('y'),
      '_astro/a.js': 'console.log(1)',
    });
    const { manifest } = await processRelease(dir, 'r1', null);
    expect(manifest.files['/index.html']!.scripts).toEqual([expect.stringMatching(/^'sha256-[\w+/]+=*'$/)]);
    expect(manifest.files['/plain/index.html']!.scripts).toEqual([]);
    expect(manifest.files['/_astro/a.js']!.scripts).toBeUndefined();
  });

  it('hard-links files identical to the previous release instead of compressing them again', async () => {
    const oldDir = release({ 'index.html': page('a'), 'blog/x/index.html': page('x') });
    const old = await processRelease(oldDir, 'r1', null);
    const newDir = release({ 'index.html': page('b'), 'blog/x/index.html': page('x') });
    const { manifest, stats } = await processRelease(newDir, 'r2', { dir: oldDir, manifest: old.manifest });
    expect(stats).toMatchObject({ files: 2, reused: 1, compressed: 1 });
    expect(statSync(join(newDir, 'blog/x/index.html')).ino).toBe(statSync(join(oldDir, 'blog/x/index.html')).ino);
    expect(statSync(join(newDir, 'blog/x/index.html.br')).ino).toBe(statSync(join(oldDir, 'blog/x/index.html.br')).ino);
    expect(changedPaths(old.manifest, manifest)).toEqual(['/']);
  });
});

describe('processRelease with patch (the resident renderer)', () => {
  it('carries every file it was not given from the previous release, drops the removed ones, and never touches the previous release', async () => {
    const prevDir = release({
      'index.html': page('home v1'),
      'blog/a/index.html': page('post a'),
      'blog/b/index.html': page('post b'),
      '_astro/x.1.css': 'body{color:red}'.repeat(30),
      'og/blog/a.png': 'png-bytes',
    });
    const prev = await processRelease(prevDir, 'r1', null);
    // Only what the renderer wrote this time: a new home page and a new post; post b was unpublished.
    const dir = release({ 'index.html': page('home v2'), 'blog/c/index.html': page('post c') });
    const { manifest, stats } = await processRelease(
      dir,
      'r2',
      { dir: prevDir, manifest: prev.manifest },
      { removed: ['blog/b/index.html'] },
    );
    expect(stats).toMatchObject({ files: 2, carried: 3 });
    expect(Object.keys(manifest.files).sort()).toEqual([
      '/_astro/x.1.css',
      '/blog/a/index.html',
      '/blog/c/index.html',
      '/index.html',
      '/og/blog/a.png',
    ]);
    // Carried files are the previous release's bytes and entries, compressed copies included (same inode).
    expect(manifest.files['/blog/a/index.html']).toEqual(prev.manifest.files['/blog/a/index.html']);
    expect(statSync(join(dir, 'blog/a/index.html.br')).ino).toBe(statSync(join(prevDir, 'blog/a/index.html.br')).ino);
    expect(statSync(join(dir, '_astro/x.1.css')).ino).toBe(statSync(join(prevDir, '_astro/x.1.css')).ino);
    expect(() => statSync(join(dir, 'blog/b/index.html'))).toThrow();
    // The new home page is new bytes with its own hash; the previous release still serves its own.
    expect(manifest.files['/index.html']!.hash).not.toBe(prev.manifest.files['/index.html']!.hash);
    expect(readFileSync(join(prevDir, 'index.html'), 'utf8')).toContain('home v1');
    expect(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString()).toContain('home v2');
    expect((await readManifest(dir))!.files).toEqual(manifest.files);
  });

  it('refuses to patch without a previous release', async () => {
    const dir = release({ 'index.html': page('x') });
    await expect(processRelease(dir, 'r1', null, { removed: [] })).rejects.toThrow(/previous release/);
  });
});

describe('changedPaths', () => {
  it('lists added, changed and removed pages as URLs, never hashed assets', () => {
    const f = (hash: string) => ({ hash, size: 1 });
    const before = {
      id: 'a',
      createdAt: '',
      files: { '/index.html': f('1'), '/blog/old/index.html': f('2'), '/rss.xml': f('3'), '/_astro/a.css': f('4') },
    };
    const after = {
      id: 'b',
      createdAt: '',
      files: { '/index.html': f('1'), '/blog/new/index.html': f('5'), '/rss.xml': f('6'), '/_astro/b.css': f('7') },
    };
    expect(changedPaths(before, after)).toEqual(['/blog/new/', '/blog/old/', '/rss.xml']);
  });
});
