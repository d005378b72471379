import { Screen } from '../../shared/screen';
import { ConnectionToken } from './connection-token';
import { PastedTokens } from './pasted-tokens';
import './inspect.css';

/** Understand a token in ten seconds: paste anything that holds one, or open a connection's token. */
export function InspectorScreen({ connectionId }: { connectionId?: string | undefined }) {
  return (
    <Screen
      title="Inspect a token"
      lead="See what an access token says — who issued it, what it allows, when it expires — and check its signature."
    >
      {connectionId ? <ConnectionToken key={connectionId} id={connectionId} /> : <PastedTokens />}
    </Screen>
  );
}
