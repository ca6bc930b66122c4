import { createHash } from 'node:crypto';
import { link, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { inlineScriptHashes } from './csp.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** What the server knows about each file of a release, written once at build time. */
export interface FileEntry {
  /** Content hash: the strong ETag. */
  hash: string;
  size: number;
  /** Sizes of the precompressed siblings (`<file>.br`, `<file>.gz`), when they exist. */
  br?: number;
  gz?: number;
  /** HTML pages: the CSP sources (`'sha256-…'`) of their inline scripts. */
  scripts?: string[];
}

export interface ReleaseManifest {
  id: string;
  createdAt: string;
  /** URL path of every file (`/blog/x/index.html`) → its entry. */
  files: Record<string, FileEntry>;
}

export const MANIFEST = '.release.json';
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.txt', '.svg', '.webmanifest', '.map']);
const MIN_COMPRESS = 256;

export interface ProcessStats {
  files: number;
  compressed: number;
  /** Files (and their compressed copies) hard-linked from the previous release because they are identical. */
  reused: number;
  /** With `patch`: files not in the directory, linked from the previous release as they were. */
  carried: number;
}

/**
 * After `astro build`: hashes every file (the ETag), writes `.br` and `.gz` (level 9) next to each
 * compressible one, and writes the manifest. A file identical to the same path in
 * the previous release is hard-linked to it with its compressed copies, so unchanged pages cost
 * neither compression time nor disk.
 *
 * `patch` (the resident renderer): the directory holds only the files rendered this time; every other
 * file of the previous release except `removed` is carried over — linked with its compressed copies
 * and its manifest entry, never read.
 */
export async function processRelease(
  dir: string,
  id: string,
  previous: { dir: string; manifest: ReleaseManifest } | null,
  patch?: { removed: string[] },
): Promise<{ manifest: ReleaseManifest; stats: ProcessStats }> {
  const manifest: ReleaseManifest = { id, createdAt: new Date().toISOString(), files: {} };
  const stats: ProcessStats = { files: 0, compressed: 0, reused: 0, carried: 0 };
  const paths = await walk(dir);
  if (patch) {
    if (!previous) throw new Error('a patched release needs the previous release');
    const present = new Set(paths.map((rel) => `/${rel.split('\\').join('/')}`));
    const removed = new Set(patch.removed.map((rel) => `/${rel}`));
    const carry = Object.entries(previous.manifest.files).filter(([p]) => !present.has(p) && !removed.has(p));
    const made = new Map<string, Promise<unknown>>();
    await eachLimited(carry, 16, async ([urlPath, old]) => {
      const rel = urlPath.slice(1);
      const parent = dirname(join(dir, rel));
      if (!made.has(parent)) made.set(parent, mkdir(parent, { recursive: true }));
      await made.get(parent);
      await link(join(previous.dir, rel), join(dir, rel));
      if (old.br) await link(join(previous.dir, `${rel}.br`), join(dir, `${rel}.br`));
      if (old.gz) await link(join(previous.dir, `${rel}.gz`), join(dir, `${rel}.gz`));
      manifest.files[urlPath] = old;
      stats.carried++;
    });
  }
  await eachLimited(paths, 8, async (rel) => {
    const file = join(dir, rel);
    const body = await readFile(file);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    const urlPath = `/${rel.split('\\').join('/')}`;
    const entry: FileEntry = { hash, size: body.length };
    const html = extname(rel).toLowerCase() === '.html';
    const old = previous?.manifest.files[urlPath];
    stats.files++;
    if (old && old.hash === hash && previous && (await relinkAll(previous.dir, dir, rel, old))) {
      // Same bytes, same inline scripts: only a manifest from before script hashes needs the page read.
      manifest.files[urlPath] =
        html && !old.scripts ? { ...old, scripts: inlineScriptHashes(body.toString('utf8')) } : old;
      stats.reused++;
      return;
    }
    if (html) entry.scripts = inlineScriptHashes(body.toString('utf8'));
    if (COMPRESSIBLE.has(extname(rel).toLowerCase()) && body.length >= MIN_COMPRESS) {
      // Hashed assets are compressed once and served for a year: the best brotli (≈50 ms a file).
      // Pages change with every publish: quality 5 is ~100× faster and only ~15 % bigger.
      const quality = urlPath.startsWith('/_astro/') ? 11 : 5;
      const [b, g] = await Promise.all([
        brotli(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        gz(body, { level: 9 }),
      ]);
      // A compressed copy only helps when it is smaller.
      if (b.length < body.length) await writeFile(`${file}.br`, b).then(() => (entry.br = b.length));
      if (g.length < body.length) await writeFile(`${file}.gz`, g).then(() => (entry.gz = g.length));
      stats.compressed++;
    }
    manifest.files[urlPath] = entry;
  });
  await writeFile(join(dir, MANIFEST), JSON.stringify(manifest));
  return { manifest, stats };
}

/** Replaces a new file (and links its compressed copies) with hard links to the previous release's. */
async function relinkAll(fromDir: string, toDir: string, rel: string, old: FileEntry): Promise<boolean> {
  try {
    const target = join(toDir, rel);
    await rm(target);
    await link(join(fromDir, rel), target);
    if (old.br) await link(join(fromDir, `${rel}.br`), `${target}.br`);
    if (old.gz) await link(join(fromDir, `${rel}.gz`), `${target}.gz`);
    return true;
  } catch {
    return false; // another filesystem or a pruned release: compress afresh
  }
}

export async function readManifest(dir: string): Promise<ReleaseManifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as ReleaseManifest;
  } catch {
    return null;
  }
}

/** URL paths a CDN must forget: pages added, changed or removed between two releases (hashed assets never change). */
export function changedPaths(before: ReleaseManifest | null, after: ReleaseManifest): string[] {
  const out = new Set<string>();
  const all = new Set([...Object.keys(before?.files ?? {}), ...Object.keys(after.files)]);
  for (const path of all) {
    if (path.startsWith('/_astro/')) continue;
    if (before?.files[path]?.hash === after.files[path]?.hash) continue;
    out.add(path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path);
  }
  return [...out].sort();
}

async function walk(root: string, sub = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, sub), { withFileTypes: true })) {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await walk(root, rel)));
    else if (entry.isFile() && !entry.name.endsWith('.br') && !entry.name.endsWith('.gz') && entry.name !== MANIFEST)
      out.push(rel);
  }
  return out;
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
