import type { Media } from '../../api/types';
import { TextArea, TextField } from '../../components/Field';
import { MediaField } from '../media/MediaField';
import type { PostDraft } from './draft';

interface Props {
  draft: PostDraft;
  siteUrl: string;
  fields: Record<string, string>;
  onSeo(patch: Partial<PostDraft['seo']>): void;
  pick(): Promise<Media | null>;
  readOnly: boolean;
}

const counter = (value: string, ideal: number) => `${value.length} / ${ideal} characters recommended`;

/** Search and social settings, with a preview of how a search result would look. */
export function SeoPanel({ draft, siteUrl, fields, onSeo, pick, readOnly }: Props) {
  const title = draft.seo.title || draft.title || 'Untitled';
  const description = draft.seo.description || draft.excerpt || 'Search engines show an excerpt of the post here.';
  const url = draft.seo.canonicalUrl || `${siteUrl}/blog/${draft.slug || 'your-slug'}/`;
  return (
    <details className="panel">
      <summary>SEO and social</summary>
      <div className="serp" aria-label="Search result preview">
        <span className="serp-url">{url}</span>
        <span className="serp-title">{title}</span>
        <span className="serp-desc">{description}</span>
      </div>
      <TextField
        label="SEO headline"
        value={draft.seo.title}
        onValue={(v) => onSeo({ title: v })}
        maxLength={300}
        placeholder={draft.title}
        hint={counter(draft.seo.title, 60)}
        error={fields['seo.title']}
        readOnly={readOnly}
      />
      <TextArea
        label="Meta description"
        value={draft.seo.description}
        onValue={(v) => onSeo({ description: v })}
        maxLength={500}
        rows={3}
        placeholder={draft.excerpt}
        hint={counter(draft.seo.description, 160)}
        error={fields['seo.description']}
        readOnly={readOnly}
      />
      <TextField
        label="Canonical URL"
        type="url"
        value={draft.seo.canonicalUrl}
        onValue={(v) => onSeo({ canonicalUrl: v })}
        placeholder="Only when the post first appeared elsewhere"
        error={fields['seo.canonicalUrl']}
        readOnly={readOnly}
      />
      <MediaField
        label="Social image (Open Graph)"
        value={draft.seo.ogImageMediaId}
        onChange={(id) => onSeo({ ogImageMediaId: id })}
        pick={pick}
        error={fields['seo.ogImageMediaId']}
        disabled={readOnly}
      />
    </details>
  );
}
