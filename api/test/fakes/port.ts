/**
 * The public members of a class. A class with private fields is nominal in TypeScript, so a fake
 * cannot be typed as the class itself; it `implements Port<TheRepository>` (every public member,
 * same signatures) and the compiler keeps it honest when the real repository changes.
 */
export type Port<T> = { [K in keyof T]: T[K] };

/**
 * Hands a fake to a constructor that is typed with the concrete class. The fake must implement the
 * whole public shape: the cast only drops the nominal private fields.
 */
export function inject<T>(fake: Port<T>): T {
  return fake as T;
}

/**
 * The same for a fake of a large class (a Docker client) that implements only the members the
 * service under test calls (`Pick<Port<T>, …>`, so those members keep the real signatures).
 */
export function injectSome<T, K extends keyof T>(fake: Pick<Port<T>, K>): T {
  return fake as unknown as T;
}
