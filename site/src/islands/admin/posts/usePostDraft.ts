import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, fieldErrorsOf, messageOf, unwrap } from '../api/errors';
import type { AdminPost, LexicalDocument } from '../api/types';
import { useApi } from '../lib/session';
import { bodyOf, draftOf, EMPTY_DOC, EMPTY_DRAFT, type PostDraft } from './draft';

const AUTOSAVE_MS = 1500;

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

/**
 * Loads a post and keeps the form in sync with the API: explicit saves, a debounced autosave for
 * drafts, and optimistic concurrency (`version`; a 409 stops autosave and asks what to do).
 */
export function usePostDraft(id: string | undefined) {
  const api = useApi();
  const [post, setPost] = useState<AdminPost | null>(null);
  const [draft, setDraft] = useState<PostDraft>(EMPTY_DRAFT);
  const content = useRef<LexicalDocument>(EMPTY_DOC);
  const [contentKey, setContentKey] = useState(0);
  const [loadError, setLoadError] = useState<string>();
  const [loading, setLoading] = useState(Boolean(id));
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [editTick, setEditTick] = useState(0);
  // Edits are counted so a save knows whether something changed while it was in flight.
  const edits = useRef(0);
  const saved = useRef(0);
  const inFlight = useRef<Promise<AdminPost | null> | null>(null);
  const postRef = useRef<AdminPost | null>(null);
  postRef.current = post;
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const adopt = useCallback((p: AdminPost, replaceForm: boolean) => {
    setPost(p);
    postRef.current = p;
    if (replaceForm) {
      setDraft(draftOf(p));
      content.current = p.content;
      setContentKey((k) => k + 1);
      saved.current = edits.current;
      setState('idle');
    }
  }, []);

  useEffect(() => {
    if (!id) return;
    let live = true;
    api.GET('/api/v1/admin/posts/{postId}', { params: { path: { postId: id } } }).then(
      (r) => {
        if (!live) return;
        try {
          adopt(unwrap(r), true);
        } catch (err) {
          setLoadError(messageOf(err));
        }
        setLoading(false);
      },
      (err: unknown) => live && (setLoadError(messageOf(err)), setLoading(false)),
    );
    return () => {
      live = false;
    };
  }, [api, id, adopt]);

  const markEdited = () => {
    edits.current++;
    setEditTick((t) => t + 1);
    setState((s) => (s === 'conflict' ? s : 'dirty'));
  };

  const update = (patch: Partial<PostDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    markEdited();
  };
  const updateSeo = (patch: Partial<PostDraft['seo']>) => {
    setDraft((d) => ({ ...d, seo: { ...d.seo, ...patch } }));
    markEdited();
  };
  const setContent = (doc: LexicalDocument) => {
    content.current = doc;
    markEdited();
  };

  /** Saves now (waits for a save already running). `force` drops the version check (overwrite). */
  const save = useCallback(
    async (force = false): Promise<AdminPost | null> => {
      if (inFlight.current) await inFlight.current;
      const current = postRef.current;
      const d = draftRef.current;
      if (current && saved.current === edits.current && !force) return current;
      if (!d.title.trim()) {
        setFields({ title: 'Give the post a title first.' });
        setState('error');
        return null;
      }
      const startedAt = edits.current;
      const body = bodyOf(d, content.current);
      setState('saving');
      const run = (async () => {
        try {
          const result = current
            ? unwrap(
                await api.PATCH('/api/v1/admin/posts/{postId}', {
                  params: { path: { postId: current.id } },
                  body: force ? body : { ...body, version: current.version },
                }),
              )
            : unwrap(await api.POST('/api/v1/admin/posts', { body }));
          adopt(result, false);
          if (!current) {
            // A new post now has an address; no remount (the editor keeps its state and focus).
            window.history.replaceState(null, '', `#/posts/${result.id}`);
            if (!draftRef.current.slug) setDraft((x) => ({ ...x, slug: result.slug }));
          }
          saved.current = startedAt;
          setFields({});
          setError(undefined);
          setState(edits.current === startedAt ? 'saved' : 'dirty');
          return result;
        } catch (err) {
          if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') setState('conflict');
          else setState('error');
          setError(messageOf(err));
          setFields(fieldErrorsOf(err));
          return null;
        } finally {
          inFlight.current = null;
        }
      })();
      inFlight.current = run;
      return run;
    },
    [api, adopt],
  );

  // Autosave: drafts only (a published post changes on the site only when you press Update).
  const status = post?.status ?? 'draft';
  useEffect(() => {
    if (state !== 'dirty' || status !== 'draft' || !draft.title.trim()) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [state, status, draft.title, save, editTick]);

  // Leaving with unsaved changes asks first (the browser's own dialog is the only one allowed here).
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (edits.current !== saved.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const reloadFromServer = async () => {
    if (!postRef.current) return;
    adopt(unwrap(await api.GET('/api/v1/admin/posts/{postId}', { params: { path: { postId: postRef.current.id } } })), true);
    setError(undefined);
  };

  return {
    post,
    draft,
    content,
    contentKey,
    loading,
    loadError,
    state,
    error,
    fields,
    update,
    updateSeo,
    setContent,
    save,
    adopt,
    reloadFromServer,
    setError,
    hasUnsaved: () => edits.current !== saved.current || !postRef.current,
  };
}

export type PostDraftApi = ReturnType<typeof usePostDraft>;
