/**
 * Remembers where the caret was in the host's reply editor, so a click in the sidebar (which
 * moves focus) still inserts a template where the agent was typing.
 */
export function rememberEditorCaret(doc: Document, ownHost: Element) {
  let saved: Range | null = null;
  doc.addEventListener('selectionchange', () => {
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const node = selection.anchorNode;
    const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
    // Cheap check: only carets inside an editable element of the page itself.
    if (!el || !(el as HTMLElement).isContentEditable || ownHost.contains(el)) return;
    saved = selection.getRangeAt(0).cloneRange();
  });
  return {
    restore(editor: HTMLElement) {
      if (!saved || !editor.contains(saved.startContainer)) return;
      editor.focus();
      const selection = doc.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(saved);
    },
  };
}
