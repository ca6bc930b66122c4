import { unwrap } from '../api/errors';
import type { Schemas } from '../api/types';
import type { useApi } from './session';

type Api = ReturnType<typeof useApi>;

/** The slugged documents edited with useDocumentEditor: what each kind reads, writes and is called. */
export interface DocumentKinds {
  pages: { view: Schemas['PageView']; input: Schemas['PageInput']; patch: Schemas['PagePatch'] };
  projects: { view: Schemas['ProjectView']; input: Schemas['ProjectInput']; patch: Schemas['ProjectPatch'] };
}
export type DocumentKind = keyof DocumentKinds;
export type DocumentView<K extends DocumentKind> = DocumentKinds[K]['view'];

export interface DocumentEndpoints<K extends DocumentKind> {
  /** Lowercase singular, as it stands in messages: “Page saved.”, “Delete this project?”. */
  noun: string;
  get(api: Api, id: string): Promise<DocumentView<K>>;
  create(api: Api, body: DocumentKinds[K]['input']): Promise<DocumentView<K>>;
  update(api: Api, id: string, body: DocumentKinds[K]['patch']): Promise<DocumentView<K>>;
  publish(api: Api, id: string): Promise<DocumentView<K>>;
  unpublish(api: Api, id: string): Promise<DocumentView<K>>;
  remove(api: Api, id: string): Promise<void>;
}

const page = (pageId: string) => ({ params: { path: { pageId } } });
const project = (projectId: string) => ({ params: { path: { projectId } } });

export const DOCUMENTS: { [K in DocumentKind]: DocumentEndpoints<K> } = {
  pages: {
    noun: 'page',
    get: async (api, id) => unwrap(await api.GET('/api/v1/admin/pages/{pageId}', page(id))),
    create: async (api, body) => unwrap(await api.POST('/api/v1/admin/pages', { body })),
    update: async (api, id, body) => unwrap(await api.PATCH('/api/v1/admin/pages/{pageId}', { ...page(id), body })),
    publish: async (api, id) => unwrap(await api.POST('/api/v1/admin/pages/{pageId}/publish', page(id))),
    unpublish: async (api, id) => unwrap(await api.POST('/api/v1/admin/pages/{pageId}/unpublish', page(id))),
    remove: async (api, id) => void unwrap(await api.DELETE('/api/v1/admin/pages/{pageId}', page(id))),
  },
  projects: {
    noun: 'project',
    get: async (api, id) => unwrap(await api.GET('/api/v1/admin/projects/{projectId}', project(id))),
    create: async (api, body) => unwrap(await api.POST('/api/v1/admin/projects', { body })),
    update: async (api, id, body) =>
      unwrap(await api.PATCH('/api/v1/admin/projects/{projectId}', { ...project(id), body })),
    publish: async (api, id) => unwrap(await api.POST('/api/v1/admin/projects/{projectId}/publish', project(id))),
    unpublish: async (api, id) => unwrap(await api.POST('/api/v1/admin/projects/{projectId}/unpublish', project(id))),
    remove: async (api, id) => void unwrap(await api.DELETE('/api/v1/admin/projects/{projectId}', project(id))),
  },
};
