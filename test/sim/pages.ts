// Server-rendered HTML for the identity server: plain, tidy, no external assets.
import type { Organisation } from './fixtures';

/** Escapes text for HTML bodies and attribute values, so nothing a request carries becomes markup. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f5f8;color:#1f2933}
header{background:#0b3d91;color:#fff;padding:14px 24px;font-weight:600;letter-spacing:.2px}
main{max-width:420px;margin:40px auto;background:#fff;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12);padding:28px 32px}
h1{font-size:20px;margin:0 0 6px}
p.lead{margin:0 0 20px;color:#52606d}
label{display:block;font-weight:600;margin:14px 0 4px}
input[type=email],input[type=password]{width:100%;padding:9px 10px;border:1px solid #9aa5b1;border-radius:4px;font:inherit}
fieldset{border:1px solid #d9e2ec;border-radius:6px;margin:16px 0;padding:8px 14px 12px}
legend{font-weight:600;padding:0 4px}
.org{display:flex;align-items:center;gap:8px;margin:6px 0}
.org label{display:inline;font-weight:400;margin:0}
.buttons{display:flex;gap:10px;margin-top:20px}
button{flex:1;padding:10px 12px;border-radius:4px;border:1px solid #0b3d91;font:inherit;font-weight:600;cursor:pointer}
button.primary{background:#0b3d91;color:#fff}
button.secondary{background:#fff;color:#0b3d91}
.error{background:#fde8e8;border:1px solid #f5a3a3;color:#8a1c1c;border-radius:4px;padding:8px 10px;margin:0 0 12px}
.hint{color:#52606d;font-size:13px;margin-top:18px}
ul.scopes{padding-left:20px;margin:6px 0 0;color:#52606d;font-size:13px;word-break:break-all}
`;

/** Wraps a page body in the simulator's shared layout. */
export function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ApprovalMax (simulator)</title>
<style>${STYLE}</style>
</head>
<body>
<header>ApprovalMax <small>(local simulator)</small></header>
<main>
${body}
</main>
</body>
</html>`;
}

function errorBox(error: string | undefined): string {
  return error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
}

/** The sign-in form; shown again with an error after a wrong password. */
export function loginPage(options: { action: string; email?: string; error?: string }): string {
  return layout(
    'Sign in',
    `
<h1>Sign in to ApprovalMax</h1>
<p class="lead">An application is asking to connect to your ApprovalMax account.</p>
${errorBox(options.error)}
<form method="post" action="${escapeHtml(options.action)}" autocomplete="off">
  <label for="email">Email</label>
  <input id="email" name="email" type="email" required autofocus value="${escapeHtml(options.email ?? '')}">
  <label for="password">Password</label>
  <input id="password" name="password" type="password" required>
  <div class="buttons"><button class="primary" type="submit">Sign in</button></div>
</form>
<p class="hint">Simulator demo user: demo@approvalmax.test / demo-password</p>`,
  );
}

const SCOPE_WORDS: Record<string, string> = {
  'https://www.approvalmax.com/scopes/public_api/read': "Read your organisations' data",
  'https://www.approvalmax.com/scopes/public_api/write': 'Create, edit and submit requests',
  'https://www.approvalmax.com/scopes/public_api': 'Full Public API access (legacy)',
  offline_access: 'Stay connected when you are not signed in',
  openid: 'Know who you are',
};

/** The consent form: tick organisations, then Allow or Deny. */
export function consentPage(options: {
  action: string;
  clientId: string;
  organisations: readonly Organisation[];
  scopes: readonly string[];
  ticked?: readonly string[];
  error?: string;
}): string {
  const ticked = new Set(options.ticked ?? []);
  const rows = options.organisations
    .map((org, i) => {
      const id = `org-${i}`;
      const checked = ticked.has(org.companyId) ? ' checked' : '';
      return `<div class="org"><input type="checkbox" id="${id}" name="organisations" value="${escapeHtml(org.companyId)}"${checked}><label for="${id}">${escapeHtml(org.name)}</label></div>`;
    })
    .join('\n    ');
  const scopes = options.scopes
    .map((s) => `<li>${escapeHtml(SCOPE_WORDS[s] ?? s)} <small>(${escapeHtml(s)})</small></li>`)
    .join('');
  return layout(
    'Allow access',
    `
<h1>Allow access to your organisations</h1>
<p class="lead">Application <strong>${escapeHtml(options.clientId)}</strong> wants to use the ApprovalMax Public API.</p>
${errorBox(options.error)}
<form method="post" action="${escapeHtml(options.action)}">
  <fieldset>
    <legend>Organisations</legend>
    ${rows}
  </fieldset>
  <div>Permissions requested:<ul class="scopes">${scopes}</ul></div>
  <div class="buttons">
    <button class="primary" type="submit" name="decision" value="allow">Allow</button>
    <button class="secondary" type="submit" name="decision" value="deny" formnovalidate>Deny</button>
  </div>
</form>`,
  );
}

/** A plain error page for problems that cannot go back to the application. */
export function errorPage(title: string, details: Record<string, string | undefined>): string {
  const rows = Object.entries(details)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `<p><strong>${escapeHtml(key)}</strong>: ${escapeHtml(value)}</p>`)
    .join('');
  return layout(title, `<h1>${escapeHtml(title)}</h1>${rows}`);
}

/** The sign-out confirmation, wrapping oidc-provider's hidden logout form. */
export function logoutPage(form: string): string {
  return layout(
    'Sign out',
    `
<h1>Sign out of ApprovalMax?</h1>
${form}
<div class="buttons">
  <button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes">Yes, sign me out</button>
  <button class="secondary" type="submit" form="op.logoutForm">No, stay signed in</button>
</div>`,
  );
}

/** Shown after a sign-out that had nowhere to return to. */
export function loggedOutPage(): string {
  return layout('Signed out', '<h1>You have signed out</h1><p class="lead">You can close this window.</p>');
}
