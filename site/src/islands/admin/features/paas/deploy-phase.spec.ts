import { describe, expect, it } from 'vitest';
import { deployPhase } from './deploy-phase.js';

describe('deployPhase', () => {
  it('follows the pipeline through the log, with the build step of how many', () => {
    const log = ['==> Deployment 1 of App: https://x (branch main)', 'cloned abc'];
    expect(deployPhase(log, 'cloning')).toBe('cloning');
    log.push(
      '==> Detected a static site',
      '==> Building the image (sandboxed …)',
      'Step 1/6 : FROM node',
      'Step 3/6 : RUN ["npm","ci"]',
    );
    expect(deployPhase(log, 'cloning')).toBe('building · step 3/6');
    log.push('==> Built sha256:abc');
    expect(deployPhase(log, 'building')).toBe('starting');
    log.push('==> Started container abc; waiting for HTTP on port 8080 (up to 60 s)');
    expect(deployPhase(log, 'starting')).toBe('health check');
  });

  it('says nothing once the deployment has ended', () => {
    expect(deployPhase(['Step 3/6 : RUN x'], 'running')).toBeNull();
    expect(deployPhase([], 'failed')).toBeNull();
  });
});
