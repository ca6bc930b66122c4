import { useEffect, useRef, useState } from 'react';
import { useEventStream } from '../../lib/useEventStream';

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
  const [lines, setLines] = useState<string[]>([]);
  const [follow, setFollow] = useState(true);
  const box = useRef<HTMLPreElement>(null);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  const onLinesRef = useRef(onLines);
  onLinesRef.current = onLines;
  useEffect(() => onLinesRef.current?.(lines), [lines]);

  const state = useEventStream(`/api/v1/admin/paas/deployments/${encodeURIComponent(deploymentId)}/logs`, {
    onReset: () => setLines([]),
    onMessage: (e) => setLines((l) => (l.length >= MAX_LINES ? [...l.slice(-MAX_LINES + 1), e.data] : [...l, e.data])),
    onEnd: (data) => {
      try {
        onEndRef.current?.((JSON.parse(data) as { status: string }).status);
      } catch {
        onEndRef.current?.('unknown');
      }
    },
  });

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
      <pre ref={box} className="log log-live" role="log" tabIndex={0} aria-label="Deployment log" aria-live="off">
        {shown.join('\n') || ' '}
      </pre>
    </div>
  );
}
