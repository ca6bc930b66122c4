import type { Command } from './build-settings.js';

// The shapes detection returns (detect.ts and its per-language rules share them).

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';

export interface NodeInstall {
  pm: PackageManager;
  /** The lockfile copied before the sources (cached install layer); null when there is none. */
  lockfile: string | null;
  /** False when package.json declares no dependencies at all: the install step is skipped. */
  hasDependencies: boolean;
}

/** How a Python app's dependencies are installed. */
export type PythonDeps =
  | {
      tool: 'requirements';
      /** requirements.txt names other files (`-r`, `-e .`): copied with the sources. */ sourcesFirst: boolean;
    }
  /** PEP 621 `[project].dependencies`, written out as a requirements file (the project runs from its sources). */
  | { tool: 'pyproject'; requirements: string[] }
  | { tool: 'poetry' | 'uv' | 'pipenv'; /** Manifest and lockfile, copied before the sources. */ files: string[] }
  | { tool: 'none' };

/** Where a generated build takes the app from and what it listens on. */
export interface Placement {
  /** The app's folder in the checkout (`.` = the root); it becomes /app in the image. */
  rootDir: string;
  port: number;
}

export type BuildPlan =
  | { kind: 'dockerfile' }
  | (Placement & { kind: 'static'; /** Served folder, relative to rootDir. */ root: string })
  | (Placement & NodeInstall & { kind: 'node'; build: Command | null; start: Command })
  | (Placement & NodeInstall & { kind: 'nextjs'; build: Command | null; start: Command | null })
  | (Placement & NodeInstall & { kind: 'static-build'; build: Command; outDir: string })
  | (Placement & {
      kind: 'python';
      deps: PythonDeps;
      /** Servers the start command needs that the dependencies lack. */ extras: string[];
      build: Command | null;
      start: Command;
    });

export type Detection =
  { ok: true; plan: BuildPlan; summary: string; reasons: string[] } | { ok: false; reason: string; reasons: string[] };
