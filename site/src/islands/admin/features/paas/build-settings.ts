import type { Schemas } from '../../api/types';

type Settings = Schemas['PaasBuildSettings'];
type Command = string | string[];

/** The "Advanced build settings" fields as the form edits them: text, empty = detected. */
export interface BuildFields {
  rootDir: string;
  buildCommand: string;
  startCommand: string;
  outputDir: string;
  port: string;
  healthCheckPath: string;
  /** Swarm placement constraints, one per line. */
  placement: string;
}

/** A command as typed: a JSON array of strings runs without a shell; any other text runs by `sh -c`. */
export function commandText(command: Command | null): string {
  return command === null ? '' : typeof command === 'string' ? command : JSON.stringify(command);
}

function parseCommand(text: string): Command | null | { error: string } {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!trimmed.startsWith('[')) return trimmed;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((p) => typeof p === 'string'))
      return parsed as string[];
  } catch {
    // falls through to the message
  }
  return { error: 'A command starting with [ is a JSON array of strings, e.g. ["node", "server.js"].' };
}

export function buildFields(settings: Settings): BuildFields {
  return {
    rootDir: settings.rootDir ?? '',
    buildCommand: commandText(settings.buildCommand),
    startCommand: commandText(settings.startCommand),
    outputDir: settings.outputDir ?? '',
    port: settings.port === null ? '' : String(settings.port),
    healthCheckPath: settings.healthCheckPath ?? '',
    placement: (settings.placement ?? []).join('\n'),
  };
}

/** The request body's `build` (every field: empty resets to detection), or messages keyed like the API's (`build.port`). */
export function buildBody(fields: BuildFields): { build: Settings } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const command = (key: 'buildCommand' | 'startCommand') => {
    const parsed = parseCommand(fields[key]);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      errors[`build.${key}`] = parsed.error;
      return null;
    }
    return parsed;
  };
  const portText = fields.port.trim();
  const port = portText === '' ? null : Number(portText);
  if (port !== null && !(Number.isInteger(port) && port >= 1 && port <= 65535))
    errors['build.port'] = 'A port from 1 to 65535.';
  const build: Settings = {
    rootDir: fields.rootDir.trim() || null,
    buildCommand: command('buildCommand'),
    startCommand: command('startCommand'),
    outputDir: fields.outputDir.trim() || null,
    port: Object.keys(errors).includes('build.port') ? null : port,
    healthCheckPath: fields.healthCheckPath.trim() || null,
    placement: placementList(fields.placement),
  };
  return Object.keys(errors).length ? { errors } : { build };
}

/** Constraints as typed, one per line (blank lines dropped); none = null (anywhere). The API checks each. */
export function placementList(text: string): string[] | null {
  const list = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return list.length ? list : null;
}
