/**
 * Text folding for search, the same at build time (the index) and in the browser (the query):
 * Turkish dotted and dotless i (İ, I, ı, i) are one letter, other diacritics drop (ş→s, ğ→g, ç→c,
 * ö→o, ü→u, â→a) and case goes, so “IŞIK”, “ışık” and “isik” are one word. Pagefind folds ş and ç
 * but not ı/İ (tried: “ışık” and “isik” find nothing in a page containing “Işık”).
 */
export function fold(text: string): string {
  const lower = text.replace(/[İIı]/g, 'i').toLowerCase();
  // Turkish letters by table; the (slower) decomposition only for whatever else is left.
  const turkish = lower.replace(/[çğöşüâîû]/g, (c) => TURKISH[c]!);
  return /[^ -~\s]/.test(turkish) ? turkish.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : turkish;
}

const TURKISH: Record<string, string> = { ç: 'c', ğ: 'g', ö: 'o', ş: 's', ü: 'u', â: 'a', î: 'i', û: 'u' };

/** Folded words of at least two characters (letters and digits of any script). */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]{2,}/gu) ?? [];
}

/** The search index: documents, and for each folded word (sorted) its postings `doc:weight,…`. */
export interface SearchIndex {
  v: 1;
  docs: { u: string; t: string; k: 'post' | 'project' | 'page'; x: string; d?: string }[];
  terms: string[];
  postings: string[];
}

export interface SearchSource {
  url: string;
  kind: 'post' | 'project' | 'page';
  title: string;
  excerpt: string;
  /** Tags, tech stack: weighed between the title and the body. */
  keywords: string[];
  body: string;
  date?: string;
}

const WEIGHT = { title: 8, keywords: 4, excerpt: 2, body: 1 };
const MAX_BODY_WORDS = 6000;

/**
 * One document's words with their weights, as `word weight word weight…`: what the index needs of
 * it, small enough to keep between builds (keyed by the content's digest) so a publish only
 * tokenises what changed.
 */
export function documentTerms(src: Pick<SearchSource, 'title' | 'keywords' | 'excerpt' | 'body'>): string {
  const weights = new Map<string, number>();
  const add = (text: string, weight: number, limit = Infinity) => {
    let n = 0;
    for (const w of words(text)) {
      if (n++ >= limit) break;
      weights.set(w, Math.min(99, (weights.get(w) ?? 0) + weight));
    }
  };
  add(src.title, WEIGHT.title);
  add(src.keywords.join(' '), WEIGHT.keywords);
  add(src.excerpt, WEIGHT.excerpt);
  add(src.body, WEIGHT.body, MAX_BODY_WORDS);
  return [...weights].map(([w, n]) => `${w} ${n}`).join(' ');
}

/** The index of `sources`; `terms(i)` may return a document's `documentTerms` kept from an earlier build. */
export function buildIndex(
  sources: SearchSource[],
  terms: (i: number) => string = (i) => documentTerms(sources[i]!),
): SearchIndex {
  const byTerm = new Map<string, string[]>();
  sources.forEach((_src, doc) => {
    const pairs = terms(doc).split(' ');
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const posting = `${doc}:${pairs[i + 1]}`;
      const list = byTerm.get(pairs[i]!);
      if (list) list.push(posting);
      else byTerm.set(pairs[i]!, [posting]);
    }
  });
  const sorted = [...byTerm.keys()].sort();
  return {
    v: 1,
    docs: sources.map((s) => ({
      u: s.url,
      t: s.title,
      k: s.kind,
      x: s.excerpt.slice(0, 240),
      ...(s.date ? { d: s.date } : {}),
    })),
    terms: sorted,
    postings: sorted.map((term) => byTerm.get(term)!.join(',')),
  };
}

export interface SearchHit {
  doc: SearchIndex['docs'][number];
  score: number;
}

/** Every query word must match the start of an indexed word (Turkish suffixes: “konteyner” finds “konteynerlerini”). */
export function search(index: SearchIndex, query: string, limit = 30): SearchHit[] {
  const qs = [...new Set(words(query))];
  if (qs.length === 0) return [];
  let scores = new Map<number, number>();
  for (const [n, q] of qs.entries()) {
    const found = new Map<number, number>();
    for (let i = lowerBound(index.terms, q); i < index.terms.length && index.terms[i]!.startsWith(q); i++) {
      // A whole-word match counts more than a prefix match.
      const bonus = index.terms[i] === q ? 2 : 1;
      for (const p of index.postings[i]!.split(',')) {
        const [doc, w] = p.split(':').map(Number) as [number, number];
        found.set(doc, Math.max(found.get(doc) ?? 0, w * bonus));
      }
    }
    // Every word must match: after the first, only documents found so far stay.
    const prev = scores;
    scores = new Map(
      [...found].filter(([doc]) => n === 0 || prev.has(doc)).map(([doc, s]) => [doc, s + (prev.get(doc) ?? 0)]),
    );
    if (scores.size === 0) return [];
  }
  return [...scores]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, limit)
    .map(([doc, score]) => ({ doc: index.docs[doc]!, score }));
}

function lowerBound(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
