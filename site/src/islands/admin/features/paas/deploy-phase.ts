/**
 * What a running deployment is doing now, read from its live log: the pipeline's own step lines
 * (`==> …`) and the builder's `Step N/M` lines. The deployment row only moves at phase boundaries;
 * the log says which build step of how many is running.
 */
export function deployPhase(lines: readonly string[], status: string): string | null {
  if (!['queued', 'cloning', 'detecting', 'building', 'starting'].includes(status)) return null;
  let phase = status;
  let step: string | null = null;
  for (const line of lines) {
    if (line.startsWith('==> ')) {
      const text = line.slice(4);
      if (/^Deployment /.test(text)) phase = 'cloning';
      else if (/^Detected /.test(text)) phase = 'detecting';
      else if (/^(Building the image|Generated Dockerfile)/.test(text)) phase = 'building';
      else if (/^Built /.test(text)) {
        phase = 'starting';
        step = null;
      } else if (/^Started container /.test(text)) {
        phase = 'health check';
        step = null;
      }
    }
    const m = /^Step (\d+)\/(\d+) :/.exec(line);
    if (m) {
      phase = 'building';
      step = `step ${m[1]}/${m[2]}`;
    }
  }
  return step ? `${phase} · ${step}` : phase;
}
