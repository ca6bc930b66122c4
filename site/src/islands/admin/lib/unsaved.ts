import { useEffect, useRef } from 'react';

/**
 * Unsaved-changes guard for every editor. An editor registers "do I hold unsaved edits?"; leaving
 * the screen then asks first: links inside the admin (caught before the browser follows them), the
 * Back and Forward buttons (the address is put back while the question is open), signing out, and
 * closing or reloading the tab (the browser's own dialog, the only one allowed there).
 */
type Check = () => boolean;
type Ask = () => Promise<boolean>;

const checks = new Set<{ current: Check }>();
let ask: Ask = async () => window.confirm('You have unsaved changes. Leave without saving them?');
let leaving = false;

/** Whether any mounted editor holds unsaved edits. */
export function hasUnsavedChanges(): boolean {
  if (leaving) return false;
  for (const c of checks) if (c.current()) return true;
  return false;
}

/** The app's own dialog replaces window.confirm once the UI is up. */
export function setLeaveQuestion(question: Ask): void {
  ask = question;
}

/** Resolves true when there is nothing unsaved, or the person chose to leave it. */
export async function confirmLeave(): Promise<boolean> {
  if (!hasUnsavedChanges()) return true;
  const ok = await ask();
  // The screen about to unmount still reports its edits until it is gone: let it go quietly.
  if (ok) leaving = true;
  return ok;
}

/** The router calls this once a new screen is shown: the guard watches the next editor again. */
export function routeSettled(): void {
  leaving = false;
}

/** Programmatic navigation after an action (saved, deleted) is intentional: no question. */
export function leaveWithoutAsking(): void {
  leaving = true;
}

/** Registers an editor's check for as long as it is mounted. `isDirty` is read when needed, never cached. */
export function useUnsavedChanges(isDirty: Check): void {
  const ref = useRef(isDirty);
  ref.current = isDirty;
  useEffect(() => {
    checks.add(ref);
    return () => {
      checks.delete(ref);
    };
  }, []);
}

/** A click on a link to another admin screen while edits are unsaved: ask before following it. */
function onClick(e: MouseEvent): void {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const link = (e.target as Element | null)?.closest?.('a[href^="#/"]') as HTMLAnchorElement | null;
  if (!link || link.target === '_blank' || link.getAttribute('href') === window.location.hash || !hasUnsavedChanges())
    return;
  e.preventDefault();
  const target = link.getAttribute('href')!;
  void confirmLeave().then((ok) => {
    if (ok) window.location.hash = target;
  });
}

function onBeforeUnload(e: BeforeUnloadEvent): void {
  if (hasUnsavedChanges()) e.preventDefault();
}

let installed = false;

/** Installs the document-wide listeners once (the admin is one page). */
export function installLeaveGuard(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  document.addEventListener('click', onClick, true);
  window.addEventListener('beforeunload', onBeforeUnload);
}
