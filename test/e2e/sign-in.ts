import type { Page } from '@playwright/test';
import type { Simulator } from '../sim/index';
import type { AppHandle } from './app-launcher';

/** Clicks "Connect organisation" and returns the sign-in window that opens. */
export async function startConnecting(
  app: AppHandle,
  window: Page,
  button = window.getByRole('button', { name: 'Connect organisation' }),
): Promise<Page> {
  const [auth] = await Promise.all([app.waitForEvent('window'), button.click()]);
  await auth.waitForLoadState();
  return auth;
}

/** Signs in as the simulator's demo user on its login page. */
export async function signIn(auth: Page, sim: Simulator): Promise<void> {
  await auth.getByLabel('Email').fill(sim.user.email);
  await auth.getByLabel('Password').fill(sim.user.password);
  await auth.getByRole('button', { name: 'Sign in' }).click();
}

/** Ticks the named organisations on the consent page and answers Allow or Deny. */
export async function consent(
  auth: Page,
  organisations: readonly string[],
  answer: 'Allow' | 'Deny' = 'Allow',
): Promise<void> {
  for (const name of organisations) await auth.getByLabel(name).check();
  await auth.getByRole('button', { name: answer }).click();
}

/** The whole happy path, as a user does it. */
export async function connectAs(
  app: AppHandle,
  window: Page,
  sim: Simulator,
  organisations: readonly string[],
): Promise<void> {
  const auth = await startConnecting(app, window);
  await signIn(auth, sim);
  await consent(auth, organisations);
}
