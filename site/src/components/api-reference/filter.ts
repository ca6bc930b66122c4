/**
 * The API reference's search: hides the operations whose id, method, path, summary or tag do not
 * contain every word typed, and the tag sections left empty. All of it is in the page already.
 */
export function setUpApiFilter(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('#api-filter')!;
  const status = root.querySelector<HTMLElement>('#api-filter-status')!;
  const ops = [...root.querySelectorAll<HTMLElement>('.api-op')];
  const sections = [...root.querySelectorAll<HTMLElement>('.api-tag')];
  const links = [...root.querySelectorAll<HTMLElement>('.api-toc li[data-tag]')];

  function apply(): void {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const op of ops) {
      const hit = words.every((w) => op.dataset.search!.includes(w));
      op.hidden = !hit;
      if (hit) shown++;
    }
    for (const section of sections) section.hidden = !section.querySelector('.api-op:not([hidden])');
    for (const li of links) li.hidden = document.getElementById(li.dataset.tag!)?.hidden ?? false;
    status.textContent = words.length ? `${shown} of ${ops.length} operations match` : '';
    const url = new URL(location.href);
    if (words.length) url.searchParams.set('q', input.value.trim());
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  }

  // A link to a schema or an operation opens the <details> it lands in.
  const reveal = () => {
    const target = location.hash ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    const details = target?.closest('details') ?? target?.querySelector('details');
    if (details) details.open = true;
  };
  addEventListener('hashchange', reveal);
  reveal();

  input.addEventListener('input', apply);
  input.form?.addEventListener('submit', (e) => e.preventDefault());
  const initial = new URL(location.href).searchParams.get('q');
  if (initial) {
    input.value = initial;
    apply();
  }
}
