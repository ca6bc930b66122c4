import { describe, expect, it } from 'vitest';
import { argv, checkBuildSettings, safeRelativeDir } from './build-settings.js';

describe('build settings', () => {
  it('folders are relative, normalised, and never leave the checkout', () => {
    expect(safeRelativeDir('./apps/web/')).toBe('apps/web');
    expect(safeRelativeDir('.')).toBeNull();
    expect(safeRelativeDir('')).toBeNull();
    for (const bad of [
      '../x',
      'a/../../b',
      '/etc',
      'a//b',
      'a/./b',
      '.git',
      'a b',
      'a/$HOME',
      'a/*',
      '-rf',
      'x\ny',
      'a\\b',
    ]) {
      expect(safeRelativeDir(bad), bad).toBeUndefined();
    }
  });

  it('validates every field, naming the bad ones; null or blank resets', () => {
    const { settings, problems } = checkBuildSettings({
      rootDir: 'apps/../etc',
      outputDir: 'dist/',
      buildCommand: '  npm run build  ',
      startCommand: [],
      port: 70000,
      healthCheckPath: 'health',
    });
    expect(problems.map((p) => p.field)).toEqual(['rootDir', 'startCommand', 'port', 'healthCheckPath']);
    expect(settings).toEqual({ outputDir: 'dist', buildCommand: 'npm run build' });
    expect(checkBuildSettings({ rootDir: null, buildCommand: ' ', healthCheckPath: '/', port: null }).settings).toEqual(
      { rootDir: null, buildCommand: null, healthCheckPath: null, port: null },
    );
    expect(
      checkBuildSettings({ startCommand: ['node', 'server.js'], healthCheckPath: '/healthz?full=1', port: 3000 }),
    ).toEqual({
      settings: { startCommand: ['node', 'server.js'], healthCheckPath: '/healthz?full=1', port: 3000 },
      problems: [],
    });
  });

  it('commands: no control characters but tab and newline, bounded', () => {
    expect(checkBuildSettings({ buildCommand: 'a\tb\nc' }).problems).toEqual([]);
    expect(checkBuildSettings({ buildCommand: 'a\0b' }).problems[0]?.message).toMatch(/control characters/);
    expect(checkBuildSettings({ startCommand: ['', 'x'] }).problems[0]?.message).toMatch(/empty/);
    expect(checkBuildSettings({ startCommand: 'x'.repeat(4001) }).problems[0]?.message).toMatch(/4000/);
    expect(checkBuildSettings({ startCommand: Array(65).fill('x') as string[] }).problems[0]?.message).toMatch(
      /1 to 64/,
    );
  });

  it('a string runs through sh -c, an argv list as is', () => {
    expect(argv('npm start && echo "$PORT"')).toEqual(['sh', '-c', 'npm start && echo "$PORT"']);
    expect(argv(['node', 'a b.js'])).toEqual(['node', 'a b.js']);
  });
});
