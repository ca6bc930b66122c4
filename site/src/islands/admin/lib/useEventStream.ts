import { useEffect, useRef, useState } from 'react';
import { useSession } from './session';

export type StreamState = 'connecting' | 'live' | 'ended' | 'unavailable';

interface Handlers {
  /** Called when the stream (re)starts: clear what was shown. */
  onReset(): void;
  onMessage(event: MessageEvent<string>): void;
  /** The server's `end` event; its data, if any. */
  onEnd?(data: string): void;
}

/**
 * An admin server-sent event stream (EventSource with cookies) on `path`. The browser resumes by
 * itself after an interruption (Last-Event-ID); a closed stream (a 401 once the access token
 * expired) gets one silent refresh, then counts as unavailable. The handlers may change between
 * renders without reopening the stream.
 */
export function useEventStream(path: string, handlers: Handlers): StreamState {
  const { api } = useSession();
  const [state, setState] = useState<StreamState>('connecting');
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    let source: EventSource | null = null;
    let refreshed = false;
    let stopped = false;
    current.current.onReset();
    setState('connecting');

    const open = () => {
      source = new EventSource(`${api.baseUrl}${path}`, { withCredentials: true });
      source.onopen = () => setState('live');
      source.onmessage = (e: MessageEvent<string>) => current.current.onMessage(e);
      source.addEventListener('end', (e) => {
        source?.close();
        setState('ended');
        current.current.onEnd?.((e as MessageEvent<string>).data);
      });
      source.onerror = () => {
        // The browser retries by itself while the stream is merely interrupted (readyState CONNECTING).
        if (!source || source.readyState !== EventSource.CLOSED || stopped) return;
        if (!refreshed) {
          refreshed = true;
          void api.refresh().then((ok) => (ok && !stopped ? open() : setState('unavailable')));
        } else {
          setState('unavailable');
        }
      };
    };
    open();
    return () => {
      stopped = true;
      source?.close();
    };
  }, [api, path]);

  return state;
}
