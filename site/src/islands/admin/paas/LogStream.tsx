import { useEffect, useRef, useState } from 'react';
import { useSession } from '../lib/session';

type StreamState = 'connecting' | 'live' | 'ended' | 'unavailable';

interface Props {
  deploymentId: string;
  /** The stored log, shown when the live stream is not available. */
  fallback: string | null;
  onEnd?(status: string): void;
  /** Every change of the received lines (the phase badge reads them). */
  onLines?(lines: readonly string[]): void;
}

const MAX_LINES = 5000;

/**
 * The deployment log as it happens: EventSource (with cookies) on `…/deployments/{id}/logs`. Each
 * line's id is its line number, so the browser resumes where it stopped after a reconnect; the
 * `end` event carries the final status. A 401 (expired access token) gets one silent refresh.
 */
export function LogStream({ deploymentId, fallback, onEnd, onLines }: Props) {
  const { api } = useSession();
  const [lines, setLines] = useState<string[]>([]);
  const [state, setState] = useState<StreamState>('connecting');
  const [follow, setFollow] = useState(true);
  const box = useRef<HTMLPreElement>(null);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  const onLinesRef = useRef(onLines);
  onLinesRef.current = onLines;
  useEffect(() => onLinesRef.current?.(lines), [lines]);

  useEffect(() => {
    let source: EventSource | null = null;
    let refreshed = false;
    let stopped = false;
    setLines([]);
    setState('connecting');

    const open = () => {
      source = new EventSource(`${api.baseUrl}/api/v1/admin/paas/deployments/${encodeURIComponent(deploymentId)}/logs`, { withCredentials: true });
      source.onopen = () => setState('live');
      source.onmessage = (e: MessageEvent<string>) => setLines((l) => (l.length >= MAX_LINES ? [...l.slice(-MAX_LINES + 1), e.data] : [...l, e.data]));
      source.addEventListener('end', (e) => {
        source?.close();
        setState('ended');
        try {
          onEndRef.current?.((JSON.parse((e as MessageEvent<string>).data) as { status: string }).status);
        } catch {
          onEndRef.current?.('unknown');
        }
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
  }, [api, deploymentId]);

  useEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines, follow]);

  const shown = state === 'unavailable' && !lines.length ? (fallback ?? '').split('\n') : lines;
  return (
    <div className="logstream">
      <p className="small" role="status">
        {state === 'connecting' && 'Connecting to the log…'}
        {state === 'live' && '● Live'}
        {state === 'ended' && 'The deployment finished.'}
        {state === 'unavailable' && 'The live log is not available; showing the stored log.'}
        <label className="check follow">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
      </p>
      <pre ref={box} className="log log-live" tabIndex={0} aria-label="Deployment log" aria-live="off">
        {shown.join('\n') || ' '}
      </pre>
    </div>
  );
}
