import { fold, search, words, type SearchIndex } from '../lib/search-text.ts';

/**
 * The search page: the index is fetched once (on the first keystroke, or at once for `?q=`), every
 * keystroke searches it in memory, and the query stays in the address (`?q=`) for sharing and Back.
 * Results are built with DOM methods and textContent: no index text is ever parsed as HTML.
 */
export function setUpSearch(root: HTMLElement): void {
  const input = root.querySelector<HTMLInputElement>('#search-input')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const list = root.querySelector<HTMLElement>('#search-results')!;
  const kinds = JSON.parse(root.dataset.kinds ?? '{}') as Record<string, string>;
  const dates = new Intl.DateTimeFormat(root.dataset.locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  let index: Promise<SearchIndex> | null = null;
  let timer = 0;
  const load = () =>
    (index ??= fetch('/search-index.json').then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json() as Promise<SearchIndex>;
    }));

  async function run(): Promise<void> {
    const q = input.value.trim();
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    list.replaceChildren();
    if (!q) {
      status.textContent = '';
      return;
    }
    let idx: SearchIndex;
    try {
      if (!document.querySelector('#search-results li')) status.textContent = root.dataset.loading ?? '';
      idx = await load();
    } catch {
      index = null;
      status.textContent = root.dataset.failed ?? '';
      return;
    }
    if (input.value.trim() !== q) return; // a newer keystroke is on its way
    const hits = search(idx, q);
    const template =
      hits.length === 0 ? root.dataset.none : hits.length === 1 ? root.dataset.countOne : root.dataset.count;
    status.textContent = (template ?? '').replace('{q}', q).replace(/\b0\b/, String(hits.length));
    const terms = words(q);
    list.replaceChildren(
      ...hits.map(({ doc }) => {
        const li = document.createElement('li');
        li.className = 'post-item';
        const h = document.createElement('h2');
        const a = document.createElement('a');
        a.href = doc.u;
        a.append(...marked(doc.t, terms));
        h.append(a);
        const meta = document.createElement('p');
        meta.className = 'meta';
        const kind = document.createElement('span');
        kind.className = 'result-kind';
        kind.textContent = kinds[doc.k] ?? doc.k;
        meta.append(kind);
        if (doc.d) {
          const time = document.createElement('time');
          time.dateTime = doc.d;
          time.textContent = dates.format(new Date(doc.d));
          meta.append(time);
        }
        const p = document.createElement('p');
        p.append(...marked(doc.x, terms));
        li.append(h, meta, p);
        return li;
      }),
    );
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void run(), 80);
  });
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run();
  }
}

/** `text` as nodes, with each word that starts with a query word (folded) in a <mark>. */
function marked(text: string, terms: string[]): Node[] {
  const out: Node[] = [];
  let at = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(m[0]);
    if (!terms.some((t) => word.startsWith(t))) continue;
    if (m.index > at) out.push(document.createTextNode(text.slice(at, m.index)));
    const mark = document.createElement('mark');
    mark.textContent = m[0];
    out.push(mark);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push(document.createTextNode(text.slice(at)));
  return out;
}
