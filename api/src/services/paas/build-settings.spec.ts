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

  it('placement: Swarm constraints only (node attributes, == or !=, a plain value), at most 10, normalised', () => {
    expect(
      checkBuildSettings({ placement: ['node.labels.gpu == true', 'engine.labels.zone!=b', 'node.role==worker'] }),
    ).toEqual({
      settings: { placement: ['node.labels.gpu==true', 'engine.labels.zone!=b', 'node.role==worker'] },
      problems: [],
    });
    expect(checkBuildSettings({ placement: [] }).settings).toEqual({ placement: null });
    expect(checkBuildSettings({ placement: null }).settings).toEqual({ placement: null });
    for (const bad of [
      'node.labels.gpu=true', // one =
      'node.labels.==x',
      'node.name==a', // not an attribute Swarm knows
      'node.labels.a==b c', // a space in the value
      'node.labels.a==$(id)',
      'node.labels.a==b\nnode.role==manager',
      '',
    ])
      expect(
        checkBuildSettings({ placement: [bad] }).problems.map((p) => p.field),
        bad,
      ).toEqual(['placement']);
    expect(
      checkBuildSettings({ placement: Array(11).fill('node.role==worker') as string[] }).problems[0]?.message,
    ).toMatch(/at most 10/);
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
