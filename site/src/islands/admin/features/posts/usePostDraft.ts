import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, fieldErrorsOf, messageOf, unwrap } from '../../api/errors';
import type { AdminPost, LexicalDocument } from '../../api/types';
import { useApi } from '../../lib/session';
import { useUnsavedChanges } from '../../lib/unsaved';
import { bodyOf, contentOf, draftOf, EMPTY_DOC, EMPTY_DRAFT, type PostDraft } from './draft';

const AUTOSAVE_MS = 1500;

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

/**
 * Loads a post and keeps the form in sync with the API: explicit saves, a debounced autosave, and
 * optimistic concurrency (`version`; a 409 stops autosave and asks what to do). A draft is saved
 * in place; edits to a published post are autosaved as its pending changes, which go live only
 * when someone publishes them.
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
      content.current = contentOf(p);
      setContentKey((k) => k + 1);
      saved.current = edits.current;
      // Pending changes left on a post that is no longer live are saved into it by the next autosave.
      if (p.pendingChanges && p.status !== 'published') {
        edits.current++;
        setState('dirty');
      } else {
        setState('idle');
      }
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
      if (current && !d.slug.trim()) {
        setFields({ slug: 'A post needs a slug for its address: lowercase letters, digits and dashes.' });
        setState('error');
        return null;
      }
      const startedAt = edits.current;
      const body = bodyOf(d, content.current);
      const versioned = force || !current ? body : { ...body, version: current.version };
      setState('saving');
      const run = (async () => {
        try {
          const path = current ? { params: { path: { postId: current.id } } } : undefined;
          const result = !current
            ? unwrap(await api.POST('/api/v1/admin/posts', { body }))
            : current.status === 'published'
              ? unwrap(await api.PUT('/api/v1/admin/posts/{postId}/pending', { ...path!, body: versioned }))
              : unwrap(await api.PATCH('/api/v1/admin/posts/{postId}', { ...path!, body: versioned }));
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

  // Autosave: drafts in place, published posts as pending changes (the site changes only when
  // they are published). Scheduled and archived posts are saved by hand.
  const status = post?.status ?? 'draft';
  useEffect(() => {
    if (state !== 'dirty' || (status !== 'draft' && status !== 'published') || !draft.title.trim()) return;
    const timer = setTimeout(() => void save(), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [state, status, draft.title, save, editTick]);

  // Leaving with edits that are not saved yet (typed in the last moment, or refused) asks first.
  useUnsavedChanges(() => edits.current !== saved.current);

  /** "Drop mine": the server's version replaces the form, and pending changes of mine go too. */
  const reloadFromServer = async () => {
    const current = postRef.current;
    if (!current) return;
    const path = { params: { path: { postId: current.id } } };
    const fresh = unwrap(await api.GET('/api/v1/admin/posts/{postId}', path));
    adopt(fresh.pendingChanges ? unwrap(await api.DELETE('/api/v1/admin/posts/{postId}/pending', path)) : fresh, true);
    setError(undefined);
  };

  /** Makes a published post's pending changes live (saving the last edits first). */
  const publishPending = async (): Promise<AdminPost | null> => {
    const current = await save();
    if (!current?.pendingChanges) return current;
    const result = unwrap(
      await api.POST('/api/v1/admin/posts/{postId}/pending/publish', {
        params: { path: { postId: current.id } },
        body: { version: current.version },
      }),
    );
    adopt(result, true);
    return result;
  };

  /** Drops a published post's pending changes: the form shows the live post again. */
  const discardPending = async (): Promise<void> => {
    const current = postRef.current;
    if (!current) return;
    if (inFlight.current) await inFlight.current;
    adopt(
      unwrap(await api.DELETE('/api/v1/admin/posts/{postId}/pending', { params: { path: { postId: current.id } } })),
      true,
    );
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
    publishPending,
    discardPending,
    setError,
    hasUnsaved: () => edits.current !== saved.current || !postRef.current,
  };
}

export type PostDraftApi = ReturnType<typeof usePostDraft>;
