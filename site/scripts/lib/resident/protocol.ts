/** Messages between the site server's builder and its resident renderer (scripts/renderer.ts). */
export interface BuildRequest {
  type: 'build';
  /** The builder's API key (it may change between builds: rotation). */
  apiKey?: string;
}

export interface RenderResult {
  /** `cold`: a full astro build into staging; `warm`: only `rendered` were written into staging. */
  mode: 'cold' | 'warm';
  pagesBuilt: number;
  pagesSkipped: number;
  /** Relative output files written this time (warm). */
  rendered: string[];
  /** Relative output files of the live release that no page makes any more (warm). */
  removed: string[];
  timingsMs: Record<string, number>;
  /** Per collection: what the sync changed. */
  content: Record<string, string>;
  memory: { rssMb: number; heapUsedMb: number };
}

export type ChildMessage =
  { type: 'ready' } | { type: 'done'; result: RenderResult } | { type: 'failed'; error: string };
