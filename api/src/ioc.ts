import type { Application, Request } from 'express';

/**
 * tsoa asks this for controller instances. Each app holds the instances its composition root
 * built (in app.locals), so two apps in one process (tests) never share controllers.
 */
const CONTROLLERS = 'controllers';

export function registerControllers(app: Application, controllers: object[]): void {
  app.locals[CONTROLLERS] = new Map(controllers.map((c) => [c.constructor, c]));
}

export function iocContainer(request: Request) {
  const instances = request.app.locals[CONTROLLERS] as Map<unknown, unknown> | undefined;
  return {
    get<T>(controller: unknown): T {
      const instance = instances?.get(controller);
      if (!instance) throw new Error(`Controller ${String((controller as { name?: string }).name)} is not registered in container.ts`);
      return instance as T;
    },
  };
}
