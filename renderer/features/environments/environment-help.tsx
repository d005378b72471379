/** Tells a newcomer where a Client ID, a secret and a redirect URI come from. */
export function EnvironmentHelp() {
  return (
    <div className="env-help">
      <p>
        An environment is an ApprovalMax server this app signs in to. <strong>Production</strong> is built in; add your
        own for a test or development server. Each environment needs the details of an application registered with
        ApprovalMax:
      </p>
      <ol>
        <li>
          Sign in to the ApprovalMax developer portal at <span className="mono">developer.approvalmax.com</span>. Access
          to the portal must be requested from ApprovalMax first.
        </li>
        <li>
          Open <strong>My Applications</strong> and create an application. Its <strong>Client ID</strong> is 32
          characters long.
        </li>
        <li>
          Copy the <strong>Client Secret</strong> straight away: the portal shows it only once. Here it goes straight
          into this computer’s keychain and is never shown again.
        </li>
        <li>
          The <strong>Redirect URI</strong> must be the https address you registered for the application.
        </li>
      </ol>
    </div>
  );
}
