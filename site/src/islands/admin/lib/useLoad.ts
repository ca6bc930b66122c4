import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import { messageOf } from '../api/errors';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload(): void;
  setData(update: T | ((old: T | undefined) => T | undefined)): void;
}

/** Runs `load` when `deps` change; an answer that arrives after a newer request started is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    setLoading(true);
    setError(undefined);
    load().then(
      (value) => {
        if (mine !== seq.current) return;
        setData(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setError(messageOf(err));
        setLoading(false);
      },
    );
    // `load` is a fresh closure every render; `deps` say when it really changed.
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData: setData as Loaded<T>['setData'] };
}

/** Cursor paging: the first page, then "Load more" appends the next. */
export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
  loading: boolean;
  error: string | undefined;
  more(): void;
  reload(): void;
  update(fn: (items: T[]) => T[]): void;
}

export function usePaged<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  deps: DependencyList,
): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  const seq = useRef(0);

  const run = useCallback((cursor: string | undefined, append: boolean) => {
    const mine = ++seq.current;
    setLoading(true);
    setError(undefined);
    fetchPage(cursor).then(
      (page) => {
        if (mine !== seq.current) return;
        setItems((old) => (append ? [...old, ...page.items] : page.items));
        setNext(page.nextCursor);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== seq.current) return;
        setError(messageOf(err));
        setLoading(false);
      },
    );
  }, deps);

  useEffect(() => run(undefined, false), [run, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return {
    items,
    nextCursor,
    loading,
    error,
    more: () => nextCursor && run(nextCursor, true),
    reload,
    update: (fn) => setItems(fn),
  };
}
