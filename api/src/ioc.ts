import { Controller } from '@tsoa/runtime';
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
      if (!instance)
        throw new Error(
          `Controller ${String((controller as { name?: string }).name)} is not registered in composition/api.ts`,
        );
      return (instance instanceof Controller ? requestView(instance) : instance) as T;
    },
  };
}

/**
 * tsoa keeps a response's status and headers on the controller object (setStatus, setHeader) and
 * never clears the headers, but our controllers are built once per app. Each request gets its own
 * copy of the instance (same class and services, own status and headers), so a 304, a Location or
 * a Cache-Control set for one request never reaches a concurrent or later one (tsoa#809). The
 * class prototype stays the direct prototype: tsoa looks the route method up there.
 */
export function requestView<T extends Controller>(instance: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(instance)) as T, instance, {
    statusCode: undefined,
    headers: {},
  });
}
