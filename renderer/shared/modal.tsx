import { useLayoutEffect, useRef, type ReactNode } from 'react';

/**
 * A native modal dialog, open while it is rendered: focus stays inside it, Escape means cancel, and
 * focus goes to the element marked `data-autofocus` (then back where it was when the dialog closes).
 */
export function Modal({
  titleId,
  descriptionId,
  onCancel,
  children,
}: {
  titleId: string;
  descriptionId?: string;
  onCancel(): void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(e) => (e.preventDefault(), onCancel())}
    >
      {children}
    </dialog>
  );
}
