import { ConfirmDialog } from './confirm-dialog';

/** The question before a cURL command with the real token goes on the clipboard (ping tester and workbench alike). */
export function CopyTokenDialog({ onConfirm, onCancel }: { onConfirm(): void; onCancel(): void }) {
  return (
    <ConfirmDialog
      title="Copy the command with the real token?"
      confirm="Copy with the token"
      cancel="Keep $TOKEN"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Anyone who gets this command can call ApprovalMax as this connection until the token expires. It is cleared from
        the clipboard after 60 seconds. Never paste it into a ticket or a chat.
      </p>
    </ConfirmDialog>
  );
}
