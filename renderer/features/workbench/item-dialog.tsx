import { useId } from 'react';
import { bridge } from '../../bridge';
import { CallError } from '../../shared/call-error';
import { useAction } from '../../shared/use-action';
import { CopyButton } from '../../shared/copy-button';
import { JsonTree } from '../../shared/json-tree';
import { Modal } from '../../shared/modal';
import { externalLink, itemTitle, type ItemRow } from './items-model';

/** One item's JSON, and its https link into the accounting system when the API gave one. */
export function ItemDialog({ row, runId, onClose }: { row: ItemRow; runId: string | null; onClose(): void }) {
  const id = useId();
  const link = externalLink(row.item);
  // Main opens the link it holds for this item (by its place in load order), never an address sent from here.
  const open = useAction(() => bridge.workbench.openLink({ runId: runId ?? '', item: row.position - 1 }));
  const value = typeof row.item === 'object' && row.item !== null ? row.item : null;
  return (
    <Modal titleId={`${id}-title`} onCancel={onClose}>
      <div className="wb-item">
        <h2 id={`${id}-title`}>{itemTitle(row)}</h2>
        <div className="code json" role="region" aria-label="Item JSON" tabIndex={0}>
          {value ? <JsonTree value={value} /> : <span className="mono">{JSON.stringify(row.item)}</span>}
        </div>
        {link && (
          <div className="wb-item-link">
            <span className="label">Link in Xero</span>
            <span className="mono">{link}</span>
            {runId && (
              <button type="button" className="small" onClick={() => void open.run()} disabled={open.busy}>
                Open in the browser
              </button>
            )}
            <CopyButton label="Copy link" text={link} />
          </div>
        )}
        <CallError error={open.error} />
        <div className="actions">
          <CopyButton label="Copy JSON" text={JSON.stringify(row.item, null, 2)} />
          <button type="button" onClick={onClose} data-autofocus>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
