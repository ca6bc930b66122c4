import { useEffect, useRef, useState } from 'react';
import { useEventStream } from '../../lib/useEventStream';

interface Line {
  id: string;
  ts: string;
  stream: 'stdout' | 'stderr';
  line: string;
}

interface Props {
  appId: string;
  /** The app's status: a note says when nothing runs to log. */
  status: string;
}

const MAX_LINES = 2000;
const append = (lines: Line[], more: Line[]) =>
  lines.length + more.length > MAX_LINES ? [...lines, ...more].slice(-MAX_LINES) : [...lines, ...more];

/**
 * The app's stdout and stderr as it runs: EventSource (with cookies) on `…/apps/{id}/logs`, the
 * newest 200 lines first, then live. Line ids are stream ids, so the browser resumes without gaps or
 * doubles after a reconnect. Pause keeps receiving but holds lines back until resumed; scrolling up
 * stops following the end, scrolling back down follows again. A 401 gets one silent refresh.
 */
export function AppRuntimeLogs({ appId, status }: Props) {
  const [lines, setLines] = useState<Line[]>([]);
  const [paused, setPaused] = useState(false);
  const [held, setHeld] = useState(0);
  const [follow, setFollow] = useState(true);
  const box = useRef<HTMLPreElement>(null);
  const pausedRef = useRef(false);
  const heldLines = useRef<Line[]>([]);

  const state = useEventStream(`/api/v1/admin/paas/apps/${encodeURIComponent(appId)}/logs?tail=200`, {
    onReset: () => setLines([]),
    onMessage: (e) => {
      let line: Line;
      try {
        line = { id: e.lastEventId, ...(JSON.parse(e.data) as Omit<Line, 'id'>) };
      } catch {
        return;
      }
      if (pausedRef.current) {
        heldLines.current = append(heldLines.current, [line]);
        setHeld(heldLines.current.length);
      } else {
        setLines((l) => append(l, [line]));
      }
    },
  });

  useEffect(() => {
    if (follow && box.current) box.current.scrollTop = box.current.scrollHeight;
  }, [lines, follow]);

  const togglePause = () => {
    if (paused) {
      setLines((l) => append(l, heldLines.current));
      heldLines.current = [];
      setHeld(0);
    }
    pausedRef.current = !paused;
    setPaused(!paused);
  };
  const onScroll = () => {
    const el = box.current;
    if (el) setFollow(el.scrollHeight - el.scrollTop - el.clientHeight < 24);
  };

  return (
    <div className="logstream">
      <div className="logbar small">
        <span role="status">
          {state === 'connecting' && 'Connecting…'}
          {state === 'live' &&
            (paused ? `Paused${held ? ` · ${held} new line${held === 1 ? '' : 's'} held` : ''}` : '● Live')}
          {state === 'ended' && 'The app was deleted.'}
          {state === 'unavailable' && 'The live output is not available; reload the page to try again.'}
        </span>
        <button type="button" className="btn btn-small" aria-pressed={paused} onClick={togglePause}>
          {paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => setLines([])}>
          Clear
        </button>
        <label className="check">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} /> Follow
        </label>
      </div>
      {status !== 'running' && status !== 'starting' && (
        <p className="muted small">The app is not running; new lines appear when it starts.</p>
      )}
      <pre
        ref={box}
        className="log log-live"
        role="log"
        tabIndex={0}
        aria-label="App output"
        aria-live="off"
        onScroll={onScroll}
      >
        {lines.length === 0 && <span className="muted">No output yet.</span>}
        {lines.map((l) => (
          <span key={l.id} className={l.stream === 'stderr' ? 'log-stderr' : undefined} title={`${l.stream} · ${l.ts}`}>
            {l.stream === 'stderr' && <span className="visually-hidden">stderr: </span>}
            {l.line}
            {'\n'}
          </span>
        ))}
      </pre>
    </div>
  );
}
