import { useId, type ReactNode } from 'react';
import { Modal } from './modal';

interface ConfirmProps {
  title: string;
  /** What happens if the user says yes, in plain words. */
  children: ReactNode;
  confirm: string;
  cancel: string;
  /** While the confirmed call runs: both buttons wait, and the yes button says `busyLabel`. */
  busy?: boolean;
  busyLabel?: string;
  onConfirm(): void;
  onCancel(): void;
}

/** The one way the app asks before doing something that cannot be undone: a clear yes and no, the no focused; Escape means no. */
export function ConfirmDialog({
  title,
  children,
  confirm,
  cancel,
  busy = false,
  busyLabel,
  onConfirm,
  onCancel,
}: ConfirmProps) {
  const id = useId();
  return (
    <Modal titleId={`${id}-title`} descriptionId={`${id}-text`} onCancel={onCancel}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div id={`${id}-text`} className="dialog-text">
        {children}
      </div>
      <div className="actions">
        <button type="button" className="danger" onClick={onConfirm} disabled={busy}>
          {busy && busyLabel ? busyLabel : confirm}
        </button>
        <button type="button" onClick={onCancel} disabled={busy} data-autofocus>
          {cancel}
        </button>
      </div>
    </Modal>
  );
}
