import { $createCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import {
  $isListNode,
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  ListNode,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, $isHeadingNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $findMatchingParent, $getNearestNodeOfType } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type LexicalEditor,
  type TextFormatType,
} from 'lexical';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote' | 'code' | 'bullet' | 'number';

export const BLOCK_LABELS: Record<BlockType, string> = {
  paragraph: 'Paragraph',
  h2: 'Heading 2',
  h3: 'Heading 3',
  h4: 'Heading 4',
  quote: 'Quote',
  code: 'Code block',
  bullet: 'Bulleted list',
  number: 'Numbered list',
};

export interface ToolbarState {
  block: BlockType;
  formats: Record<'bold' | 'italic' | 'code', boolean>;
  link: boolean;
}

export const EMPTY_STATE: ToolbarState = {
  block: 'paragraph',
  formats: { bold: false, italic: false, code: false },
  link: false,
};

/** What the caret is in, read inside `editorState.read()`. */
export function $readToolbarState(): ToolbarState {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return EMPTY_STATE;
  const anchor = selection.anchor.getNode();
  const top =
    anchor.getKey() === 'root'
      ? anchor
      : ($findMatchingParent(anchor, (e) => {
          const parent = e.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElementOrThrow());
  let block: BlockType = 'paragraph';
  if ($isListNode(top)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? top;
    block = list.getListType() === 'number' ? 'number' : 'bullet';
  } else if ($isHeadingNode(top)) {
    const tag = top.getTag();
    block = tag === 'h3' || tag === 'h4' ? tag : 'h2';
  } else if (top.getType() === 'quote' || top.getType() === 'code') {
    block = top.getType() as BlockType;
  }
  const parent = anchor.getParent();
  return {
    block,
    formats: {
      bold: selection.hasFormat('bold'),
      italic: selection.hasFormat('italic'),
      code: selection.hasFormat('code'),
    },
    link: $isLinkNode(anchor) || $isLinkNode(parent),
  };
}

/** Turns the selected blocks into `type` (a list toggles off when chosen again). */
export function setBlockType(editor: LexicalEditor, type: BlockType, current: BlockType): void {
  if (type === 'bullet' || type === 'number') {
    if (current === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else
      editor.dispatchCommand(
        type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      );
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (type === 'paragraph') $setBlocksType(selection, () => $createParagraphNode());
    else if (type === 'quote') $setBlocksType(selection, () => $createQuoteNode());
    else if (type === 'code') $setBlocksType(selection, () => $createCodeNode());
    else $setBlocksType(selection, () => $createHeadingNode(type));
  });
}

export const FORMATS: {
  format: TextFormatType & keyof ToolbarState['formats'];
  label: string;
  short: string;
  keys: string;
}[] = [
  { format: 'bold', label: 'Bold', short: 'B', keys: 'Ctrl+B' },
  { format: 'italic', label: 'Italic', short: 'I', keys: 'Ctrl+I' },
  { format: 'code', label: 'Inline code', short: '</>', keys: '' },
];
