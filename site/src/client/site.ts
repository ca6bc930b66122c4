/**
 * What every public page does in the browser: the theme toggle (the choice is remembered; until
 * then the page follows the system) and the `/` shortcut to search. No framework, a few hundred bytes.
 */
export function setUpSite(): void {
  const root = document.documentElement;
  const toggle = document.querySelector<HTMLButtonElement>('.theme-toggle');
  const dark = () =>
    root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
  const label = () => {
    if (!toggle) return;
    toggle.setAttribute('aria-label', (dark() ? toggle.dataset.toLight : toggle.dataset.toDark) ?? '');
    toggle.title = toggle.getAttribute('aria-label') ?? '';
  };
  if (toggle) {
    toggle.hidden = false;
    label();
    toggle.addEventListener('click', () => {
      const next = dark() ? 'light' : 'dark';
      root.dataset.theme = next;
      try {
        localStorage.setItem('theme', next);
      } catch {
        // private mode: the choice lasts for this page only
      }
      label();
    });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', label);
  }
  addEventListener('keydown', (e) => {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    e.preventDefault();
    const box = document.querySelector<HTMLInputElement>('#search-input');
    if (box) box.focus();
    else location.assign('/search/');
  });
}
