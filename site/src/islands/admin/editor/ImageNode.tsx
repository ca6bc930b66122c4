import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isNodeSelection,
  CLICK_COMMAND,
  COMMAND_PRIORITY_LOW,
  DecoratorNode,
  KEY_BACKSPACE_COMMAND,
  KEY_DELETE_COMMAND,
  type DOMExportOutput,
  type LexicalNode,
  type LexicalParseJSON,
  type NodeKey,
  type SerializedLexicalNode,
  type Spread,
} from 'lexical';
import { useEffect, useRef, type JSX } from 'react';

export interface ImagePayload {
  src: string;
  altText: string;
  width?: number;
  height?: number;
}

/** Exactly what the API's renderer reads for an `image` node (and nothing it would refuse). */
export type SerializedImageNode = Spread<ImagePayload, SerializedLexicalNode>;

/**
 * A block image from the media library. Serializes as `{type: 'image', src, altText, width?,
 * height?, version: 1}`, which the API renders to `<img … loading="lazy">`.
 */
export class ImageNode extends DecoratorNode<JSX.Element> {
  __src: string;
  __altText: string;
  __width: number | undefined;
  __height: number | undefined;

  static getType(): string {
    return 'image';
  }

  static clone(node: ImageNode): ImageNode {
    return new ImageNode(node.__src, node.__altText, node.__width, node.__height, node.__key);
  }

  static importJSON(json: LexicalParseJSON<SerializedImageNode>): ImageNode {
    const size = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);
    return $createImageNode({
      src: String(json.src ?? ''),
      altText: String(json.altText ?? ''),
      width: size(json.width),
      height: size(json.height),
    });
  }

  // Defaults: Lexical may construct a node class without arguments to read its configuration.
  constructor(src = '', altText = '', width?: number, height?: number, key?: NodeKey) {
    super(key);
    this.__src = src;
    this.__altText = altText;
    this.__width = width;
    this.__height = height;
  }

  exportJSON(): SerializedImageNode {
    return {
      type: 'image',
      version: 1,
      src: this.__src,
      altText: this.__altText,
      ...(this.__width ? { width: this.__width } : {}),
      ...(this.__height ? { height: this.__height } : {}),
    };
  }

  exportDOM(): DOMExportOutput {
    const img = document.createElement('img');
    img.src = this.__src;
    img.alt = this.__altText;
    if (this.__width) img.width = this.__width;
    if (this.__height) img.height = this.__height;
    return { element: img };
  }

  createDOM(): HTMLElement {
    const div = document.createElement('div');
    div.className = 'editor-image';
    return div;
  }

  updateDOM(): false {
    return false;
  }

  isInline(): false {
    return false;
  }

  getTextContent(): string {
    return this.__altText;
  }

  decorate(): JSX.Element {
    return (
      <ImageView
        src={this.__src}
        altText={this.__altText}
        width={this.__width}
        height={this.__height}
        nodeKey={this.getKey()}
      />
    );
  }
}

export function $createImageNode(p: ImagePayload): ImageNode {
  return new ImageNode(p.src, p.altText, p.width, p.height);
}

export function $isImageNode(node: LexicalNode | null | undefined): node is ImageNode {
  return node instanceof ImageNode;
}

/** The image in the editor: click selects it, Delete or Backspace removes it. */
function ImageView({ src, altText, width, height, nodeKey }: ImagePayload & { nodeKey: NodeKey }) {
  const [editor] = useLexicalComposerContext();
  const [selected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);
  const ref = useRef<HTMLImageElement>(null);

  useEffect(() => {
    const remove = (event: KeyboardEvent | null) => {
      const selection = $getSelection();
      if (!selected || !$isNodeSelection(selection)) return false;
      event?.preventDefault();
      $getNodeByKey(nodeKey)?.remove();
      return true;
    };
    return mergeRegister(
      editor.registerCommand(
        CLICK_COMMAND,
        (event: MouseEvent) => {
          if (event.target !== ref.current) return false;
          if (!event.shiftKey) clearSelection();
          setSelected(!selected);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(KEY_DELETE_COMMAND, remove, COMMAND_PRIORITY_LOW),
      editor.registerCommand(KEY_BACKSPACE_COMMAND, remove, COMMAND_PRIORITY_LOW),
    );
  }, [editor, selected, nodeKey, setSelected, clearSelection]);

  return (
    <figure className={selected ? 'editor-figure selected' : 'editor-figure'}>
      <img ref={ref} src={src} alt={altText} width={width} height={height} draggable={false} />
      <figcaption>{altText ? `Alt: ${altText}` : 'No alt text — set it in the media library'}</figcaption>
    </figure>
  );
}
