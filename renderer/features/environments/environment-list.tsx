import type { EnvironmentDetails } from '../../../preload/contract';

/** The small tag telling where an environment's settings come from, in the user's words. */
export const SOURCE_TAGS: Record<EnvironmentDetails['source'], string> = {
  preset: 'Built in',
  admin: 'Set by your IT team',
  user: 'Added by you',
};

/** Every environment at a glance, so a user can see what is set up and pick one to edit. */
export function EnvironmentList({
  environments,
  onEdit,
}: {
  environments: readonly EnvironmentDetails[];
  onEdit: (env: EnvironmentDetails) => void;
}) {
  return (
    <ul className="env-list" aria-label="Environments">
      {environments.map((env) => (
        <li key={env.id} className="env-item">
          <div className="env-main">
            <div className="env-title">
              <h3>{env.name}</h3>
              <span className={`env-tag source-${env.source}`}>{SOURCE_TAGS[env.source]}</span>
            </div>
            <dl className="env-facts">
              <div>
                <dt>Identity server</dt>
                <dd className="mono">{env.issuer}</dd>
              </div>
              <div>
                <dt>API address</dt>
                <dd className="mono">{env.apiBase}</dd>
              </div>
              <div>
                <dt>Client ID</dt>
                <dd className={env.clientId ? 'mono' : 'env-missing'}>{env.clientId || 'Not set yet'}</dd>
              </div>
            </dl>
            <p className={`env-secret ${env.hasClientSecret ? 'is-stored' : 'is-missing'}`}>
              <span aria-hidden="true" className="env-secret-icon">
                {env.hasClientSecret ? '✓' : '–'}
              </span>
              {env.hasClientSecret ? 'Client Secret stored' : 'No Client Secret yet'}
            </p>
          </div>
          <button type="button" aria-label={`Edit ${env.name}`} data-env-id={env.id} onClick={() => onEdit(env)}>
            Edit
          </button>
        </li>
      ))}
    </ul>
  );
}
