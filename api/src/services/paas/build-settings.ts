/**
 * Per-app build settings an admin may set ("Advanced build settings"): each one replaces what
 * detection would decide; null leaves it to detection. Pure: validation for the service, the shape
 * detection and Dockerfile generation read. Commands are an argv array (run as is) or a string run
 * by `sh -c`; either way they reach the Dockerfile only inside JSON exec form, so no Dockerfile
 * parser or host shell ever reads them as syntax.
 */
export type Command = string | string[];

/** The port an app listens on unless its settings or start command say otherwise (its PORT variable). */
export const DEFAULT_PORT = 8080;

export interface BuildSettings {
  /** The app's folder inside the repository (a monorepo package); null = the root. */
  rootDir: string | null;
  buildCommand: Command | null;
  startCommand: Command | null;
  /** Where the build writes a static site, relative to rootDir: served as files. */
  outputDir: string | null;
  /** The port the app listens on (its PORT variable); null = 8080 or what detection finds. */
  port: number | null;
  /** The path the health wait asks for (2xx/3xx); null = `/`, where any answer counts. */
  healthCheckPath: string | null;
  /**
   * Where the app may run under the swarm driver: Swarm placement constraints, added to the
   * installation's PAAS_SWARM_CONSTRAINTS. null = anywhere those allow. The docker driver has one
   * engine and ignores them.
   */
  placement: string[] | null;
}

export const NO_SETTINGS: BuildSettings = {
  rootDir: null,
  buildCommand: null,
  startCommand: null,
  outputDir: null,
  port: null,
  healthCheckPath: null,
  placement: null,
};

/** One path segment: what COPY takes literally (no variables, globs, spaces or quotes). */
const SEGMENT = /^[A-Za-z0-9_@+][A-Za-z0-9._@+-]*$/;
const HEALTH_PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*(\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?$/;
const MAX_COMMAND = 4000;
/**
 * One Swarm placement constraint: a node attribute Swarm knows, `==` or `!=`, a plain value
 * (docs.docker.com/engine/swarm/services/#placement-constraints). Checked here so a typo is a 422
 * now, not a deployment that waits for a node that cannot exist.
 */
const CONSTRAINT =
  /^(node\.(id|hostname|role|platform\.os|platform\.arch|labels\.[A-Za-z0-9][A-Za-z0-9._-]{0,99})|engine\.labels\.[A-Za-z0-9][A-Za-z0-9._-]{0,99}) ?(==|!=) ?[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
export const MAX_PLACEMENT = 10;
const MAX_ARGS = 64;

export interface SettingProblem {
  field: keyof BuildSettings;
  message: string;
}

/** A relative folder inside the checkout, normalised (`./a/b/` → `a/b`, `.` or `` → null); undefined when unsafe. */
export function safeRelativeDir(raw: string): string | null | undefined {
  const trimmed = raw
    .trim()
    .replace(/^\.\/+/, '')
    .replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '.') return null;
  if (trimmed.length > 255 || trimmed.startsWith('/')) return undefined;
  const segments = trimmed.split('/');
  // `..`, `.` and empty segments (`a//b`) fail SEGMENT: a dot never starts one.
  return segments.every((s) => SEGMENT.test(s)) ? segments.join('/') : undefined;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0x7f) return true;
  }
  return false;
}

function commandProblem(command: Command): string | null {
  const parts = typeof command === 'string' ? [command] : command;
  if (Array.isArray(command) && (command.length === 0 || command.length > MAX_ARGS))
    return `an argv list has 1 to ${MAX_ARGS} items`;
  if (parts.some((p) => typeof p !== 'string')) return 'a command is a string or a list of strings';
  if (parts[0]!.trim() === '') return 'the command (or its first item) is empty';
  if (parts.reduce((n, p) => n + p.length, 0) > MAX_COMMAND) return `at most ${MAX_COMMAND} characters`;
  // Tabs and newlines are fine for `sh -c`; other control characters are never meant.
  if (parts.some(hasControlCharacter)) return 'control characters other than tab and newline are not allowed';
  return null;
}

/** Validates and normalises settings as given (absent fields stay absent); returns the problems instead when any. */
export function checkBuildSettings(input: Partial<BuildSettings>): {
  settings: Partial<BuildSettings>;
  problems: SettingProblem[];
} {
  const settings: Partial<BuildSettings> = {};
  const problems: SettingProblem[] = [];
  for (const field of ['rootDir', 'outputDir'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null) settings[field] = null;
    else {
      const dir = safeRelativeDir(value);
      if (dir === undefined)
        problems.push({
          field,
          message:
            'a relative folder: letters, digits and . _ @ + - per segment (not starting with . or -), separated by /, no `..`, at most 255 characters',
        });
      else settings[field] = dir;
    }
  }
  for (const field of ['buildCommand', 'startCommand'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value === null || (typeof value === 'string' && value.trim() === '')) settings[field] = null;
    else {
      const problem = commandProblem(value);
      if (problem) problems.push({ field, message: problem });
      else settings[field] = typeof value === 'string' ? value.trim() : [...value];
    }
  }
  if (input.port !== undefined) {
    if (input.port === null) settings.port = null;
    else if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65535)
      problems.push({ field: 'port', message: 'a port from 1 to 65535' });
    else settings.port = input.port;
  }
  if (input.healthCheckPath !== undefined) {
    const path = input.healthCheckPath?.trim() ?? null;
    if (path === null || path === '' || path === '/') settings.healthCheckPath = null;
    else if (path.length > 255 || !HEALTH_PATH.test(path))
      problems.push({ field: 'healthCheckPath', message: 'a path starting with / (URL characters only, at most 255)' });
    else settings.healthCheckPath = path;
  }
  if (input.placement !== undefined) {
    const list = input.placement;
    if (list === null || (Array.isArray(list) && list.length === 0)) settings.placement = null;
    else if (!Array.isArray(list) || list.length > MAX_PLACEMENT || list.some((c) => typeof c !== 'string'))
      problems.push({ field: 'placement', message: `a list of at most ${MAX_PLACEMENT} constraints` });
    else {
      const bad = list.map((c) => c.trim()).find((c) => !CONSTRAINT.test(c));
      if (bad !== undefined)
        problems.push({
          field: 'placement',
          message: `"${bad.slice(0, 100)}" is not a placement constraint: node.labels.<name>, node.role, node.hostname, node.id, node.platform.os/arch or engine.labels.<name>, then == or !=, then a value (letters, digits, . _ : / -)`,
        });
      else settings.placement = [...new Set(list.map((c) => c.trim().replace(/ ?(==|!=) ?/, '$1')))];
    }
  }
  return { settings, problems };
}

/** A command as the argv of an exec-form RUN or CMD: a string runs through `sh -c`. */
export function argv(command: Command): string[] {
  return typeof command === 'string' ? ['sh', '-c', command] : command;
}

/** How a command reads in the deployment log. */
export function showCommand(command: Command): string {
  return typeof command === 'string' ? command : command.join(' ');
}

/** How a command is stored in its JSON column: an argv array, or `{ shell }` for a string. */
export type StoredCommand = string[] | { shell: string };

export function storedCommand(command: Command | null): StoredCommand | null {
  return command === null ? null : typeof command === 'string' ? { shell: command } : command;
}

function commandOf(stored: StoredCommand | null): Command | null {
  return stored === null ? null : Array.isArray(stored) ? stored : stored.shell;
}

/** The settings stored with an app (its row's columns). */
export function settingsOf(row: {
  rootDir: string | null;
  buildCommand: StoredCommand | null;
  startCommand: StoredCommand | null;
  outputDir: string | null;
  listenPort: number | null;
  healthCheckPath: string | null;
  placement: string[] | null;
}): BuildSettings {
  return {
    rootDir: row.rootDir,
    buildCommand: commandOf(row.buildCommand),
    startCommand: commandOf(row.startCommand),
    outputDir: row.outputDir,
    port: row.listenPort,
    healthCheckPath: row.healthCheckPath,
    placement: row.placement?.length ? row.placement : null,
  };
}
