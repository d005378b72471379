import { useState } from 'react';
import type { ConnectionView } from '../../../preload/contract';
import { CallError } from '../../shared/call-error';
import { Screen } from '../../shared/screen';
import { useConnections } from '../connections/use-connections';
import { DataView } from './data-view';
import { EndpointPicker } from './endpoint-picker';
import { PageList } from './page-list';
import { ParameterForm } from './parameter-form';
import { RunPanel } from './run-panel';
import { useRequestForm } from './use-request-form';
import { useRun } from './use-run';
import '../ping/ping.css';
import './workbench.css';

/** Every Public API read with a connection's token: pick an endpoint, fill its parameters, page through, read the items as a table. */
export function WorkbenchScreen() {
  const connections = useConnections();
  const list = connections.data;
  return (
    <Screen
      title="Browse API data"
      className="workbench"
      lead={
        <>
          Read what the ApprovalMax Public API returns for an organisation, page by page, as a table to sort, filter and
          export. It only reads: it sends GET requests and never changes anything. For a{' '}
          <a href="#ping">quick check with a pasted token</a>, use Test the API.
        </>
      }
    >
      <CallError error={connections.error} />
      {list && list.length === 0 && <NoConnection />}
      {list && list.length > 0 && <Workbench connections={list} />}
    </Screen>
  );
}

function NoConnection() {
  return (
    <section className="card empty" aria-labelledby="wb-none-title">
      <h2 id="wb-none-title">Connect an organisation first</h2>
      <p>
        The workbench reads with a connection’s token, so it sees what that connection was granted. There is no
        connection yet.
      </p>
      <p>
        <a className="button-link" href="#connections">
          Connect an organisation
        </a>
      </p>
    </section>
  );
}

function Workbench({ connections }: { connections: readonly ConnectionView[] }) {
  const [chosenId, setChosenId] = useState(connections[0]!.id);
  const connection = connections.find((c) => c.id === chosenId) ?? connections[0]!;
  const form = useRequestForm(connection);
  const run = useRun();
  return (
    <>
      <div className="wb-request">
        <EndpointPicker connections={connections} connection={connection} onConnection={setChosenId} form={form} />
        <ParameterForm connection={connection} form={form} />
      </div>
      <RunPanel form={form} run={run} />
      {run.items.length > 0 && <DataView run={run} />}
      {run.pages.length > 0 && <PageList pages={run.pages} />}
    </>
  );
}
