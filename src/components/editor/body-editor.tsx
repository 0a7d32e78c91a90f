'use client';

import { EditorContent, useEditor, useEditorState, type Editor, type JSONContent } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { articleExtensions } from './extensions';
import { ArticleImage } from './image-node';
import { MediaLibrary } from './media-library';
import { cleanPastedHtml } from './paste';
import { uploadImage } from './upload';
import { LinkForm } from './link-form';
import { FORMAT_BUTTONS, HISTORY_BUTTONS, TABLE_BUTTONS, type ToolbarButton } from './toolbar';

// The "Nội dung" field: Tiptap with a Vietnamese toolbar, image upload (button, drop, paste)
// with progress, and the media library.

type Upload = { name: string; percent: number } | null;

const imageFiles = (files: FileList | null | undefined) =>
  [...(files ?? [])].filter((file) => file.type.startsWith('image/') || file.type === '');

// The editor's handlers run inside ProseMirror; they hand files and the link shortcut to the
// toolbar component through events on the editor's element.
const FILES_EVENT = 'bai-viet:files';
const LINK_EVENT = 'bai-viet:link';
const DROPPED_IMAGES_EVENT = 'bai-viet:dropped-images';

const EXTENSIONS = articleExtensions(ArticleImage);
type FilesDetail = { files: File[]; position?: number };

export function useBodyEditor({
  content,
  editable,
  onChange,
}: {
  content: JSONContent;
  editable: boolean;
  onChange: (body: JSONContent) => void;
}) {
  return useEditor({
    extensions: EXTENSIONS,
    content,
    editable,
    immediatelyRender: false,
    // ProseMirror builds attrs as null-prototype objects, which the server action's
    // serialisation drops; a JSON round trip makes them plain objects.
    onUpdate: ({ editor: current }) => onChange(JSON.parse(JSON.stringify(current.getJSON())) as JSONContent),
    editorProps: {
      attributes: {
        'aria-label': 'Nội dung',
        role: 'textbox',
        'aria-multiline': 'true',
        class: 'editor-body prose',
        spellcheck: 'true',
        lang: 'vi',
      },
      transformPastedHTML(html, view) {
        const { html: cleaned, droppedImages } = cleanPastedHtml(html);
        if (droppedImages) view?.dom.dispatchEvent(new CustomEvent(DROPPED_IMAGES_EVENT, { detail: droppedImages, bubbles: true }));
        return cleaned;
      },
      handleDrop: (view, event, _slice, moved) => {
        const files = imageFiles(event.dataTransfer?.files);
        if (moved || files.length === 0) return false;
        event.preventDefault();
        const detail: FilesDetail = { files, position: view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos };
        view.dom.dispatchEvent(new CustomEvent(FILES_EVENT, { detail, bubbles: true }));
        return true;
      },
      handlePaste: (view, event) => {
        const files = imageFiles(event.clipboardData?.files);
        // Word puts a picture of the selection next to its HTML: the HTML wins.
        if (files.length === 0 || event.clipboardData?.types.includes('text/html')) return false;
        view.dom.dispatchEvent(new CustomEvent<FilesDetail>(FILES_EVENT, { detail: { files }, bubbles: true }));
        return true;
      },
      handleKeyDown: (view, event) => {
        if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
          event.preventDefault();
          view.dom.dispatchEvent(new CustomEvent(LINK_EVENT, { bubbles: true }));
          return true;
        }
        return false;
      },
    },
  });
}

function Tool({ editor, button }: { editor: Editor; button: ToolbarButton }) {
  const title = button.shortcut ? `${button.label} (${button.shortcut})` : button.label;
  const pressed = useEditorState({ editor, selector: ({ editor: current }) => (button.active ? button.active(current) : undefined) });
  return (
    <button
      type="button"
      className="editor-tool"
      aria-label={button.label}
      title={title}
      aria-pressed={pressed}
      aria-keyshortcuts={button.shortcut?.replace('Ctrl', 'Control')}
      onClick={() => button.run(editor)}
    >
      {button.label}
    </button>
  );
}

export function BodyEditor({ editor }: { editor: Editor | null }) {
  const [upload, setUpload] = useState<Upload>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [droppedImages, setDroppedImages] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const inTable = useEditorState({ editor, selector: ({ editor: current }) => current?.isActive('table') ?? false });

  const insertImage = (mediaId: number, position?: number) => {
    if (!editor) return;
    const at = position ?? editor.state.selection.to;
    editor
      .chain()
      .focus()
      .insertContentAt(at, { type: 'image', attrs: { mediaId, caption: null, credit: null, alt: null } })
      .run();
    // Ask for the caption straight away: focus the new image's first field.
    window.setTimeout(() => {
      const fields = editor.view.dom.querySelectorAll<HTMLInputElement>(
        `figure[data-media-id="${mediaId}"] input[data-image-field="caption"]`,
      );
      fields[fields.length - 1]?.focus();
    }, 50);
  };

  const uploadFiles = async (files: File[], position?: number) => {
    setUploadError(null);
    for (const file of files) {
      setUpload({ name: file.name, percent: 0 });
      try {
        const media = await uploadImage(file, (percent) => setUpload({ name: file.name, percent }));
        insertImage(media.id, position);
      } catch (error) {
        setUploadError(`${file.name}: ${(error as Error).message}`);
      }
    }
    setUpload(null);
  };
  const frame = useRef<HTMLDivElement>(null);
  const uploadRef = useRef(uploadFiles);
  useEffect(() => {
    uploadRef.current = uploadFiles;
  });
  useEffect(() => {
    const dom = frame.current;
    if (!dom) return;
    const onFiles = (event: Event) => {
      const { files, position } = (event as CustomEvent<FilesDetail>).detail;
      void uploadRef.current(files, position);
    };
    const onLink = () => setLinkOpen(true);
    const onDroppedImages = (event: Event) => setDroppedImages((event as CustomEvent<number>).detail);
    dom.addEventListener(FILES_EVENT, onFiles);
    dom.addEventListener(LINK_EVENT, onLink);
    dom.addEventListener(DROPPED_IMAGES_EVENT, onDroppedImages);
    return () => {
      dom.removeEventListener(FILES_EVENT, onFiles);
      dom.removeEventListener(LINK_EVENT, onLink);
      dom.removeEventListener(DROPPED_IMAGES_EVENT, onDroppedImages);
    };
  }, [editor]);

  if (!editor) return <div className="editor-body editor-body--loading">Đang tải trình soạn thảo…</div>;
  const editable = editor.isEditable;
  return (
    <div className="editor-frame" ref={frame}>
      {editable && (
        <div role="toolbar" aria-label="Định dạng nội dung" className="editor-toolbar">
          {FORMAT_BUTTONS.map((button) => (
            <Tool key={button.label} editor={editor} button={button} />
          ))}
          <button
            type="button"
            className="editor-tool"
            aria-label="Liên kết"
            title="Liên kết (Ctrl+K)"
            aria-keyshortcuts="Control+K"
            onClick={() => setLinkOpen(true)}
          >
            Liên kết
          </button>
          <button
            type="button"
            className="editor-tool"
            aria-label="Tải ảnh lên"
            title="Tải ảnh lên (hoặc kéo thả, dán ảnh vào nội dung)"
            onClick={() => fileInput.current?.click()}
          >
            Tải ảnh lên
          </button>
          <button
            type="button"
            className="editor-tool"
            aria-label="Thư viện ảnh"
            title="Chọn ảnh đã tải lên"
            onClick={() => setLibraryOpen(true)}
          >
            Thư viện ảnh
          </button>
          {inTable && TABLE_BUTTONS.map((button) => <Tool key={button.label} editor={editor} button={button} />)}
          {HISTORY_BUTTONS.map((button) => (
            <Tool key={button.label} editor={editor} button={button} />
          ))}
          <input
            ref={fileInput}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            hidden
            aria-label="Chọn tệp ảnh"
            onChange={(event) => {
              const files = imageFiles(event.target.files);
              event.target.value = '';
              void uploadFiles(files);
            }}
          />
        </div>
      )}
      {linkOpen && <LinkForm editor={editor} onClose={() => setLinkOpen(false)} />}
      <div className="editor-upload" role="status">
        {upload && (
          <>
            <span>Đang tải ảnh {upload.name}…</span>
            <progress max={100} value={upload.percent} aria-label={`Tiến độ tải ảnh ${upload.name}`}>
              {upload.percent}%
            </progress>
          </>
        )}
      </div>
      {uploadError && (
        <p role="alert" className="admin-field__error">
          {uploadError}
        </p>
      )}
      {droppedImages > 0 && (
        <div role="alert" className="editor-notice editor-notice--paste">
          <p>
            {droppedImages} ảnh trong nội dung vừa dán không được chép theo: Word chỉ đưa đường dẫn tới máy của bạn, không đưa ảnh. Hãy lưu
            ảnh ra máy rồi dùng nút “Tải ảnh lên” (hoặc kéo thả tệp ảnh vào nội dung).
          </p>
          <button type="button" className="admin-button admin-button--quiet" onClick={() => setDroppedImages(0)}>
            Đã hiểu
          </button>
        </div>
      )}
      <EditorContent editor={editor} />
      {libraryOpen && (
        <MediaLibrary
          onClose={() => setLibraryOpen(false)}
          onPick={(mediaId) => {
            setLibraryOpen(false);
            insertImage(mediaId);
          }}
        />
      )}
    </div>
  );
}
