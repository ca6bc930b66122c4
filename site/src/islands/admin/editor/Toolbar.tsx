import { TOGGLE_LINK_COMMAND } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $getRoot,
  $getSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  SELECTION_CHANGE_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { useEffect, useId, useState, type FormEvent, type MouseEvent } from 'react';
import { TextField } from '../components/Field';
import { Modal } from '../components/Modal';
import { $readToolbarState, BLOCK_LABELS, EMPTY_STATE, FORMATS, setBlockType, type BlockType } from './blocks';
import { $createImageNode, type ImagePayload } from './ImageNode';

interface Props {
  /** Opens the media library; resolves with the chosen image, or null. */
  pickImage?: () => Promise<ImagePayload | null>;
}

export function Toolbar({ pickImage }: Props) {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState(EMPTY_STATE);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);
  const [linkOpen, setLinkOpen] = useState(false);
  const [url, setUrl] = useState('https://');
  const selectId = useId();

  useEffect(() => {
    const read = () => editor.getEditorState().read(() => setState($readToolbarState()));
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => editorState.read(() => setState($readToolbarState()))),
      editor.registerCommand(SELECTION_CHANGE_COMMAND, () => (read(), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
      editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
    );
  }, [editor]);

  // Mouse clicks on a button leave the caret (and focus) in the text; keyboard users still Tab here.
  const keepFocus = (e: MouseEvent) => e.preventDefault();

  const onLink = () => {
    if (state.link) editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    else {
      setUrl('https://');
      setLinkOpen(true);
    }
  };

  const applyLink = (e: FormEvent) => {
    e.preventDefault();
    setLinkOpen(false);
    const target = url.trim();
    if (!target || target === 'https://') return;
    editor.focus();
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, target);
  };

  const onImage = async () => {
    if (!pickImage) return;
    const image = await pickImage();
    if (!image) return;
    editor.update(() => {
      const node = $createImageNode(image);
      if ($getSelection()) $insertNodeToNearestRoot(node);
      else $getRoot().append(node);
    });
    editor.focus();
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <button
        type="button"
        onMouseDown={keepFocus}
        className="tb"
        aria-label="Undo"
        title="Undo (Ctrl+Z)"
        disabled={!canUndo}
        onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
      >
        ↶
      </button>
      <button
        type="button"
        onMouseDown={keepFocus}
        className="tb"
        aria-label="Redo"
        title="Redo (Ctrl+Shift+Z)"
        disabled={!canRedo}
        onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
      >
        ↷
      </button>
      <span className="tb-sep" aria-hidden="true" />
      <label className="visually-hidden" htmlFor={selectId}>
        Block type
      </label>
      <select
        id={selectId}
        className="tb-select"
        value={state.block}
        onChange={(e) => {
          setBlockType(editor, e.target.value as BlockType, state.block);
          editor.focus();
        }}
      >
        {(Object.keys(BLOCK_LABELS) as BlockType[]).map((b) => (
          <option key={b} value={b}>
            {BLOCK_LABELS[b]}
          </option>
        ))}
      </select>
      <span className="tb-sep" aria-hidden="true" />
      {FORMATS.map((f) => (
        <button
          key={f.format}
          type="button"
          onMouseDown={keepFocus}
          className={`tb tb-${f.format}`}
          aria-label={f.label}
          title={f.keys ? `${f.label} (${f.keys})` : f.label}
          aria-pressed={state.formats[f.format]}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, f.format)}
        >
          {f.short}
        </button>
      ))}
      <button
        type="button"
        onMouseDown={keepFocus}
        className="tb"
        aria-label="Bulleted list"
        aria-pressed={state.block === 'bullet'}
        onClick={() => setBlockType(editor, 'bullet', state.block)}
      >
        •≡
      </button>
      <button
        type="button"
        onMouseDown={keepFocus}
        className="tb"
        aria-label="Numbered list"
        aria-pressed={state.block === 'number'}
        onClick={() => setBlockType(editor, 'number', state.block)}
      >
        1≡
      </button>
      <button
        type="button"
        onMouseDown={keepFocus}
        className="tb"
        aria-label="Quote"
        aria-pressed={state.block === 'quote'}
        onClick={() => setBlockType(editor, state.block === 'quote' ? 'paragraph' : 'quote', state.block)}
      >
        ❝
      </button>
      <button
        type="button"
        onMouseDown={keepFocus}
        className="tb"
        aria-label="Code block"
        aria-pressed={state.block === 'code'}
        onClick={() => setBlockType(editor, state.block === 'code' ? 'paragraph' : 'code', state.block)}
      >
        {'{ }'}
      </button>
      <span className="tb-sep" aria-hidden="true" />
      <button
        type="button"
        onMouseDown={keepFocus}
        className="tb"
        aria-label={state.link ? 'Remove link' : 'Link'}
        aria-pressed={state.link}
        onClick={onLink}
      >
        <svg
          width="18"
          height="18"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          aria-hidden="true"
        >
          <path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1" />
        </svg>
      </button>
      {pickImage && (
        <button type="button" onMouseDown={keepFocus} className="tb" aria-label="Image" onClick={() => void onImage()}>
          <svg
            width="18"
            height="18"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            aria-hidden="true"
          >
            <rect x="3" y="4" width="18" height="16" rx="2" />
            <circle cx="9" cy="10" r="2" />
            <path d="m21 17-5-5-9 8" />
          </svg>
        </button>
      )}
      <button
        type="button"
        onMouseDown={keepFocus}
        className="tb"
        aria-label="Divider"
        onClick={() => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)}
      >
        ―
      </button>
      <Modal open={linkOpen} title="Add a link" onClose={() => setLinkOpen(false)}>
        <form onSubmit={applyLink}>
          <TextField
            label="URL"
            type="url"
            value={url}
            onValue={setUrl}
            // The dialog was opened to type this: focus moves into it (ARIA dialog pattern).
            // eslint-disable-next-line jsx-a11y/no-autofocus
            autoFocus
            hint="https://…, mailto:… or a path on this site such as /about"
          />
          <div className="actions">
            <button type="button" className="btn" onClick={() => setLinkOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary">
              Add link
            </button>
          </div>
        </form>
      </Modal>
    </div>
  );
}
