/** PaaS app statuses in the four groups a visitor understands (shared by the pages and their scripts). */
export type DemoState = 'running' | 'stopped' | 'failed' | 'building';

export function demoState(status: string | null | undefined): DemoState {
  if (status === 'running') return 'running';
  if (status === 'failed') return 'failed';
  if (!status || status === 'stopped' || status === 'created') return 'stopped';
  return 'building';
}
