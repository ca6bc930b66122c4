import { CodeHighlightNode, CodeNode } from '@lexical/code';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { AutoLinkPlugin, createLinkMatcherWithRegExp } from '@lexical/react/LexicalAutoLinkPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { HorizontalRuleNode } from '@lexical/react/LexicalHorizontalRuleNode';
import { HorizontalRulePlugin } from '@lexical/react/LexicalHorizontalRulePlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { useId, useMemo, useRef } from 'react';
import type { LexicalDocument } from '../api/types';
import { ImageNode, type ImagePayload } from './ImageNode';
import { THEME } from './theme';
import { Toolbar } from './Toolbar';

/** Only node types the API's renderer accepts (anything else is a 422 naming the node's path). */
const NODES = [
  HeadingNode,
  QuoteNode,
  ListNode,
  ListItemNode,
  LinkNode,
  AutoLinkNode,
  CodeNode,
  CodeHighlightNode,
  HorizontalRuleNode,
  ImageNode,
];

const URL_MATCHER = createLinkMatcherWithRegExp(/https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/, (text) => text);

// Links the API would drop (javascript:, data:…) are refused in the editor already.
const validUrl = (url: string) => /^(https?:|mailto:|\/|#)/i.test(url.trim());

interface Props {
  label: string;
  /** The stored document; read once when the editor mounts (remount with a new `key` to replace it). */
  initial: LexicalDocument | null;
  onChange(doc: LexicalDocument): void;
  pickImage?: () => Promise<ImagePayload | null>;
  error?: string;
  readOnly?: boolean;
}

function hasContent(doc: LexicalDocument | null): doc is LexicalDocument {
  return Boolean(doc?.root && Array.isArray(doc.root.children) && doc.root.children.length);
}

/** The Lexical editor: rich text, lists, links, code, images, history and markdown shortcuts. */
export function RichTextEditor({ label, initial, onChange, pickImage, error, readOnly }: Props) {
  const labelId = useId();
  const errorId = useId();
  // Lexical normalizes some stored documents on load (an empty root gets its paragraph): that is
  // not an edit. Changes count once the person has typed, clicked, pasted or dropped in here.
  const touched = useRef(false);
  const touch = () => (touched.current = true);
  const config = useMemo(
    () => ({
      namespace: 'omervision-admin',
      nodes: NODES,
      theme: THEME,
      editable: !readOnly,
      editorState: hasContent(initial) ? JSON.stringify(initial) : undefined,
      onError(err: Error) {
        console.error(err);
      },
    }),
    // The initial state is read once on mount, as Lexical does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return (
    <div
      className={error ? 'editor has-error' : 'editor'}
      onKeyDownCapture={touch}
      onPointerDownCapture={touch}
      onPasteCapture={touch}
      onDropCapture={touch}
      onBeforeInputCapture={touch}
    >
      <span id={labelId} className="editor-label">
        {label}
      </span>
      <LexicalComposer initialConfig={config}>
        {!readOnly && <Toolbar pickImage={pickImage} />}
        <div className="editor-surface">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="editor-input prose"
                aria-labelledby={labelId}
                aria-describedby={error ? errorId : undefined}
                aria-invalid={error ? true : undefined}
                aria-placeholder="Write something… (Markdown shortcuts work: ## heading, - list, > quote, ``` code)"
                placeholder={
                  <div className="editor-placeholder">
                    Write something… (Markdown shortcuts work: ## heading, - list, &gt; quote, ``` code)
                  </div>
                }
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={validUrl} />
        <AutoLinkPlugin matchers={[URL_MATCHER]} />
        <HorizontalRulePlugin />
        <MarkdownShortcutPlugin />
        <OnChangePlugin
          ignoreSelectionChange
          onChange={(state) => touched.current && onChange(state.toJSON() as unknown as LexicalDocument)}
        />
      </LexicalComposer>
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}
