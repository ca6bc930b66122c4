/**
 * tsoa asks this for controller instances. The composition root (container.ts) registers the
 * instances it built; nothing here constructs anything.
 */
const instances = new Map<unknown, unknown>();

export function registerControllers(controllers: object[]): void {
  instances.clear();
  for (const controller of controllers) instances.set(controller.constructor, controller);
}

export const iocContainer = {
  get<T>(controller: unknown): T {
    const instance = instances.get(controller);
    if (!instance) throw new Error(`Controller ${String((controller as { name?: string }).name)} is not registered in container.ts`);
    return instance as T;
  },
};
