import type { Controller } from '@tsoa/runtime';

/** Answers 201 with `Location`: the path of the new resource, `base` followed by its id. */
export function created<T extends { id: string }>(controller: Controller, base: string, resource: T): T {
  controller.setStatus(201);
  controller.setHeader('Location', `${base}/${encodeURIComponent(resource.id)}`);
  return resource;
}
