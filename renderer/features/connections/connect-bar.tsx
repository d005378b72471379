import { useState } from 'react';
import type { EnvironmentDetails } from '../../../preload/contract';
import { Field } from '../../shared/field';

interface ConnectBarProps {
  environments: readonly EnvironmentDetails[];
  /** While a sign-in runs, nothing else starts. */
  signingIn: boolean;
  onConnect(environmentId: string): void;
  openSettings(): void;
}

/** The one button, with the environment to connect to when there is a choice, or what to set up first. */
export function ConnectBar({ environments, signingIn, onConnect, openSettings }: ConnectBarProps) {
  const [environmentId, setEnvironmentId] = useState('');
  const ready = environments.filter((e) => e.clientId && e.redirectUri && e.hasClientSecret);
  const chosen = ready.find((e) => e.id === environmentId) ?? ready[0];
  return (
    <div className="card connect-bar">
      {ready.length > 1 && (
        <Field label="Environment">
          <select value={chosen?.id ?? ''} onChange={(e) => setEnvironmentId(e.target.value)} disabled={signingIn}>
            {ready.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <button
        type="button"
        className="primary big"
        disabled={!chosen || signingIn}
        onClick={() => chosen && onConnect(chosen.id)}
      >
        Connect organisation
      </button>
      {!chosen && (
        <p className="hint">
          First add your application's Client ID and Client Secret in{' '}
          <button type="button" className="link" onClick={openSettings}>
            Settings
          </button>
          .
        </p>
      )}
      {ready.length === 1 && chosen && <p className="hint">Connects to {chosen.name}.</p>}
    </div>
  );
}
