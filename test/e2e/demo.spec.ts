import { demoSignInHint, writeDemoConfig } from '../sim/demo-config';
import { expect, expectNoStackTrace, test } from './fixtures';
import { consent, signIn, startConnecting } from './sign-in';

// `npm run demo` configures the app through the same admin file as here; the script itself only adds processes.
test.describe('Demo (npm run demo)', () => {
  test('the sign-in panel shows the demo sign-in, and the demo user connects', async ({ sim, launch }) => {
    const configFile = await writeDemoConfig(sim, test.info().outputPath('demo-config'));
    const app = await launch({ env: { APPROVALMAX_CONNECT_CONFIG: configFile } });
    const window = await app.firstWindow();
    await expect(window.getByText('Connects to Local simulator.')).toBeVisible();

    const auth = await startConnecting(app, window);
    const panel = window.getByRole('region', { name: 'Connecting to Local simulator' });
    await expect(panel.getByRole('note')).toHaveText(demoSignInHint(sim));
    await expect(panel).toContainText(`${sim.user.email} / ${sim.user.password}`);

    const organisation = sim.organisations[0]!.name;
    await signIn(auth, sim);
    await consent(auth, [organisation]);
    await expect(window.getByRole('status')).toContainText(`Connected ${organisation}.`);
    await expect(window.getByRole('heading', { name: organisation })).toBeVisible();
    await expect(window.getByLabel('Status: Connected')).toBeVisible();
    await expect(panel).toHaveCount(0);
    await expectNoStackTrace(window);
  });

  test('an environment without a sign-in hint shows no note', async ({ window, app }) => {
    await startConnecting(app, window);
    await expect(window.getByRole('heading', { name: 'Connecting to Local simulator' })).toBeVisible();
    await expect(window.getByRole('note')).toHaveCount(0);
  });
});
