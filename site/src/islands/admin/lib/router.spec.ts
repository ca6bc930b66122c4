import { describe, expect, it } from 'vitest';
import { href, match, parseHash } from './router';

describe('hash router', () => {
  it('reads the path and query after the #', () => {
    const r = parseHash('#/posts?status=draft&q=%C3%A7i%C4%9Fdem');
    expect(r.path).toBe('/posts');
    expect(r.query.get('status')).toBe('draft');
    expect(r.query.get('q')).toBe('çiğdem');
    expect(parseHash('').path).toBe('/');
    expect(parseHash('#posts').path).toBe('/posts');
  });

  it('matches patterns with parameters, and nothing else', () => {
    expect(match('/posts/:id', '/posts/01a2-x')).toEqual({ id: '01a2-x' });
    expect(match('/posts/new', '/posts/new')).toEqual({});
    expect(match('/posts/:id', '/posts')).toBeNull();
    expect(match('/posts/:id', '/pages/1')).toBeNull();
    expect(match('/', '/')).toEqual({});
  });

  it('builds links without empty query values', () => {
    expect(href('/posts', { status: 'draft', q: '', tag: undefined })).toBe('#/posts?status=draft');
    expect(href('/')).toBe('#/');
  });
});
