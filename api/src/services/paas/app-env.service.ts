import type { PaasEnvList } from '../../dtos/paas-env.dto.js';
import { EnvUnreadable } from '../../domain/paas/app-env.js';
import { Errors } from '../../errors/catalogue.js';
import type { TransactionRunner, Tx } from '../../repositories/database.js';
import type { PaasRepository } from '../../repositories/paas.repository.js';
import type { AuditService } from '../audit.service.js';
import type { Actor } from '../auth/principal.js';
import { envNameProblem, envValueProblem, MAX_ENV_VARIABLES } from './views.js';

/** What a masked value reads as: the same for every value, so it tells nothing about its length. */
export const ENV_MASK = '••••••';

/**
 * An app's environment variables one at a time: listed by name with masked values, revealed only
 * to admins (audited), set or removed singly. The bulk `env` of PATCH /apps/{appId} replaces them
 * all; both write the same column, and a single change locks the row so concurrent edits of
 * different names both land. Values reach the app with its next deployment. Values are sealed at
 * rest (the repository seals and opens them, domain/paas/app-env.ts); one that no longer opens is
 * a 409 naming it, and replacing the whole set through PATCH /apps/{appId} repairs it.
 */
export class PaasEnvService {
  constructor(
    private readonly repo: PaasRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, appId: string, reveal: boolean): Promise<PaasEnvList> {
    if (reveal && !(actor.principal.kind === 'user' && actor.principal.role === 'admin')) {
      throw Errors.forbidden('Only administrators can reveal variable values.');
    }
    const app = await this.repo.findApp(appId);
    if (!app) throw Errors.notFound('App not found.');
    if (!reveal) return view(Object.fromEntries(app.env.names.map((name) => [name, ENV_MASK])), false);
    const env = await opened(async () => app.env.values());
    await this.audit.record(actor, 'paas.env.reveal', { type: 'paas_app', id: appId }, { names: [...app.env.names] });
    return view(env, true);
  }

  /** Adds or replaces one variable. */
  async set(actor: Actor, appId: string, name: string, value: string): Promise<PaasEnvList> {
    const nameProblem = envNameProblem(name);
    const valueProblem = envValueProblem(value);
    const problems = [
      ...(nameProblem ? [{ field: 'name', message: nameProblem }] : []),
      ...(valueProblem ? [{ field: 'body.value', message: valueProblem }] : []),
    ];
    if (problems.length)
      throw Errors.validation(
        problems.map((p) => `${p.field === 'name' ? 'The name' : 'The value'}: ${p.message}.`).join(' '),
        problems,
      );
    return this.change(appId, async (env, tx) => {
      const existed = Object.hasOwn(env, name);
      if (!existed && Object.keys(env).length >= MAX_ENV_VARIABLES) {
        throw Errors.validation(`An app has at most ${MAX_ENV_VARIABLES} variables; remove one first.`, [
          { field: 'name', message: `at most ${MAX_ENV_VARIABLES} variables` },
        ]);
      }
      // The value is never recorded; whether it changed is.
      const outcome = !existed ? 'added' : env[name] === value ? 'unchanged' : 'changed';
      await this.audit.record(actor, 'paas.env.set', { type: 'paas_app', id: appId }, { name, change: outcome }, tx);
      return { ...env, [name]: value };
    });
  }

  /** Removes one variable; 404 when the app has none of that name. */
  async remove(actor: Actor, appId: string, name: string): Promise<PaasEnvList> {
    return this.change(appId, async (env, tx) => {
      if (!Object.hasOwn(env, name))
        throw Errors.notFound(`The app has no variable named ${name}.`, [
          { field: 'name', message: 'no such variable' },
        ]);
      await this.audit.record(actor, 'paas.env.delete', { type: 'paas_app', id: appId }, { name }, tx);
      const { [name]: _removed, ...rest } = env;
      return rest;
    });
  }

  /** Reads the variables with the row locked, applies `fn`, writes them back: all in one transaction with its audit line. */
  private async change(
    appId: string,
    fn: (env: Record<string, string>, tx: Tx) => Promise<Record<string, string>>,
  ): Promise<PaasEnvList> {
    const next = await this.tx.run(async (tx) => {
      const env = await opened(() => this.repo.lockEnv(appId, tx));
      if (!env) throw Errors.notFound('App not found.');
      const updated = await fn(env, tx);
      await this.repo.writeEnv(appId, updated, tx);
      return updated;
    });
    return view(next, false);
  }
}

/** The values, or a 409 naming the variables that do not open. */
async function opened<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof EnvUnreadable)
      throw Errors.conflict(
        `${err.message.replace(/\.$/, '')} (PATCH /api/v1/admin/paas/apps/{appId} with body.env replaces them all).`,
      );
    throw err;
  }
}

function view(env: Record<string, string>, reveal: boolean): PaasEnvList {
  return {
    variables: Object.keys(env)
      .sort()
      .map((name) => ({ name, value: reveal ? env[name]! : ENV_MASK, masked: !reveal })),
    revealed: reveal,
  };
}
