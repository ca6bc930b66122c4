/**
 * What a repository's own Dockerfile may ask of the engine, checked before anything is sent to it.
 *
 * The classic builder runs RUN steps in containers on the build network (under the egress policy),
 * but it performs some fetches itself, from the host's network namespace, where no sandbox applies:
 * `ADD <url>`, `ADD <git url>`, and pulls of `FROM`/`COPY --from` images. This check refuses the first
 * two outright and limits the third to images the engine already has or to public registries we
 * name, which the worker pulls itself before the build (so the build never pulls). Flags that would
 * leave the sandbox (`RUN --network`, `--security`) are refused too. Pure: no I/O.
 */

export interface DockerfileInstruction {
  /** 1-based line where the instruction starts. */
  line: number;
  keyword: string;
  /** Everything after the keyword, continuation lines joined. */
  args: string;
}

export type DockerfileVerdict = { ok: true; images: string[] } | { ok: false; reason: string };

/** Registries whose names resolve to their operators' public servers; others are refused by default. */
export const DEFAULT_ALLOWED_REGISTRIES = [
  'docker.io',
  'ghcr.io',
  'quay.io',
  'gcr.io',
  'mcr.microsoft.com',
  'public.ecr.aws',
  'registry.gitlab.com',
];

const REMOTE_SOURCE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|[^/\s]+\.git(?:#|$))/i;

/** Splits a Dockerfile into instructions: parser directives, comments and `\` (or `escape=`) continuations. */
export function parseDockerfile(source: string): DockerfileInstruction[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  let escape = '\\';
  // Parser directives are leading `# key=value` comments; only `escape` changes how lines join.
  for (const raw of lines) {
    const directive = /^#\s*([a-z]+)\s*=\s*(\S+)\s*$/i.exec(raw.trim());
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\'))
      escape = directive[2];
  }
  const out: DockerfileInstruction[] = [];
  const push = (line: number, text: string) => {
    const [, keyword = '', args = ''] = /^(\S+)\s*([\s\S]*)$/.exec(text.trim()) ?? [];
    out.push({ line, keyword: keyword.toUpperCase(), args: args.trim() });
  };
  let start = 0;
  let text: string | undefined;
  for (const [index, raw] of lines.entries()) {
    const trimmed = raw.trim();
    // Blank and comment lines between instructions, and comments inside a continued one, are dropped.
    if (trimmed.startsWith('#') || (text === undefined && trimmed === '')) continue;
    const continues = trimmed.endsWith(escape);
    const body = continues ? trimmed.slice(0, -1) : trimmed;
    if (text === undefined) start = index + 1;
    text = text === undefined ? body : `${text} ${body}`;
    if (!continues) {
      push(start, text);
      text = undefined;
    }
  }
  if (text !== undefined) push(start, text);
  return out;
}

/** Splits instruction arguments into `--flag=value` options and the rest (JSON array or whitespace form). */
function splitArgs(args: string): { flags: Map<string, string>; rest: string[] } {
  const flags = new Map<string, string>();
  let remaining = args;
  for (;;) {
    const m = /^--([a-z-]+)(?:=(\S*))?\s*/i.exec(remaining);
    if (!m) break;
    flags.set(m[1]!.toLowerCase(), m[2] ?? '');
    remaining = remaining.slice(m[0].length);
  }
  if (remaining.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(remaining);
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string'))
        return { flags, rest: parsed as string[] };
    } catch {
      // not JSON: the builder treats it as the whitespace form too
    }
  }
  return { flags, rest: remaining.split(/\s+/).filter(Boolean) };
}

/** `${NAME}`, `${NAME:-default}` and `$NAME` replaced from `vars`; unknown ones are left in place. */
function substitute(value: string, vars: Map<string, string>): string {
  return value.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (whole, braced?: string, fallback?: string, bare?: string) => {
      const name = braced ?? bare!;
      const v = vars.get(name);
      if (v !== undefined && v !== '') return v;
      return fallback ?? whole;
    },
  );
}

/** The registry host of an image reference (`docker.io` when it names none). */
export function registryOf(ref: string): string {
  const first = ref.split('/')[0]!;
  if (!ref.includes('/')) return 'docker.io';
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first.toLowerCase() : 'docker.io';
}

function imageProblem(ref: string, allowed: readonly string[]): string | undefined {
  if (ref.includes('$')) return `uses a variable the check cannot resolve (${ref}); write the image name out`;
  if (!/^[a-z0-9][a-z0-9._\-/:@[\]]*$/i.test(ref)) return `names an invalid image "${ref}"`;
  const registry = registryOf(ref);
  const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  if (host === 'localhost' || /^[\d.]+$/.test(host) || host.includes(':')) {
    return `pulls from ${registry}: the engine would fetch from the host's own network (loopback, LAN or metadata addresses)`;
  }
  if (!allowed.includes(registry))
    return `pulls from ${registry}, which is not an allowed registry (${allowed.join(', ')}; set PAAS_ALLOWED_REGISTRIES)`;
  return undefined;
}

/**
 * Checks a Dockerfile against the sandbox rules. Returns the external images it needs (to be
 * present or pulled before the build), or the first problem with the line it is on.
 */
export function checkDockerfile(
  text: string,
  allowedRegistries: readonly string[] = DEFAULT_ALLOWED_REGISTRIES,
): DockerfileVerdict {
  const instructions = parseDockerfile(text);
  const globalArgs = new Map<string, string>();
  const stages = new Set<string>();
  const images = new Set<string>();
  let seenFrom = false;
  let stageIndex = 0;
  const fail = (line: number, what: string) => ({ ok: false as const, reason: `Dockerfile line ${line}: ${what}` });

  const checkOne = (ins: DockerfileInstruction, nested: boolean): { ok: false; reason: string } | undefined => {
    const { flags, rest } = splitArgs(ins.args);
    switch (ins.keyword) {
      case 'FROM': {
        if (nested) return fail(ins.line, 'ONBUILD FROM is not allowed');
        const ref = substitute(rest[0] ?? '', globalArgs);
        if (!ref) return fail(ins.line, 'FROM names no image');
        const platform = flags.get('platform');
        if (
          platform !== undefined &&
          platform.includes('$') &&
          !substitute(platform, globalArgs).match(/^[a-z0-9/_-]+$/i)
        ) {
          return fail(ins.line, 'FROM --platform uses a variable the check cannot resolve');
        }
        if (!stages.has(ref.toLowerCase()) && ref.toLowerCase() !== 'scratch') {
          const problem = imageProblem(ref, allowedRegistries);
          if (problem) return fail(ins.line, `FROM ${problem}`);
          images.add(ref);
        }
        if (rest[1]?.toLowerCase() === 'as' && rest[2]) stages.add(rest[2].toLowerCase());
        stages.add(String(stageIndex++));
        seenFrom = true;
        return undefined;
      }
      case 'ARG': {
        if (!seenFrom) {
          for (const decl of rest) {
            const eq = decl.indexOf('=');
            if (eq > 0)
              globalArgs.set(
                decl.slice(0, eq),
                decl
                  .slice(eq + 1)
                  .replace(/^"(.*)"$/, '$1')
                  .replace(/^'(.*)'$/, '$1'),
              );
          }
        }
        return undefined;
      }
      case 'ADD': {
        const sources = rest.slice(0, -1);
        for (const src of sources) {
          if (REMOTE_SOURCE.test(src)) {
            return fail(
              ins.line,
              `ADD ${src} makes the Docker engine download it from the host's network, outside the build sandbox. Download it in a RUN step (curl/wget run inside the sandbox) or commit the file and COPY it.`,
            );
          }
          if (src.includes('$'))
            return fail(
              ins.line,
              `ADD ${src} uses a variable, which could expand to a URL the engine would fetch. Use COPY for files of the repository.`,
            );
        }
        return copyFrom(ins, flags);
      }
      case 'COPY':
        return copyFrom(ins, flags);
      case 'RUN': {
        for (const flag of ['network', 'security']) {
          if (flags.has(flag))
            return fail(ins.line, `RUN --${flag}=${flags.get(flag)} would leave the build sandbox and is not allowed`);
        }
        return undefined;
      }
      case 'ONBUILD': {
        const [, keyword = '', args = ''] = /^(\S+)\s*([\s\S]*)$/.exec(ins.args) ?? [];
        return checkOne({ line: ins.line, keyword: keyword.toUpperCase(), args }, true);
      }
      default:
        return undefined;
    }
  };

  const copyFrom = (ins: DockerfileInstruction, flags: Map<string, string>) => {
    const from = flags.get('from');
    if (from === undefined) return undefined;
    if (stages.has(from.toLowerCase())) return undefined;
    const problem = imageProblem(from, allowedRegistries);
    if (problem) return fail(ins.line, `${ins.keyword} --from ${problem}`);
    images.add(from);
    return undefined;
  };

  for (const ins of instructions) {
    const problem = checkOne(ins, false);
    if (problem) return problem;
  }
  if (!seenFrom) return { ok: false, reason: 'The Dockerfile has no FROM instruction.' };
  return { ok: true, images: [...images] };
}

/** ONBUILD triggers an image carries (from `docker inspect`), checked like the repository's own lines. */
export function checkOnBuildTriggers(
  image: string,
  triggers: readonly string[],
  allowedRegistries: readonly string[] = DEFAULT_ALLOWED_REGISTRIES,
): string | undefined {
  if (triggers.length === 0) return undefined;
  const verdict = checkDockerfile(
    ['FROM scratch', ...triggers.map((t) => `ONBUILD ${t}`)].join('\n'),
    allowedRegistries,
  );
  return verdict.ok
    ? undefined
    : `The base image ${image} carries an ONBUILD trigger that is not allowed: ${verdict.reason.replace(/^Dockerfile line \d+: /, '')}`;
}
