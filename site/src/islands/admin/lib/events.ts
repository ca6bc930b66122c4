/** Fired on window when a message changes status, so the navigation's unread count follows. */
export const INBOX_CHANGED = 'admin:inbox-changed';

export function inboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED));
}
