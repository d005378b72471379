// What `npm start` does on this machine, decided in one pure function so a test can pin every case.

/** Electron, the Chromium shell (with the sentence that says why), or nothing (with the sentence that says why). */
export type StartChoice =
  | { readonly kind: 'electron'; readonly binary: string }
  | { readonly kind: 'chromium'; readonly message: string }
  | { readonly kind: 'no-display'; readonly message: string };

/** The facts the choice depends on. */
export interface StartFacts {
  readonly platform: string;
  readonly env: Record<string, string | undefined>;
  /** The Electron binary, if present or just downloaded. */
  readonly binary: string | null;
  /** Only a screenshot is wanted (headless Chromium): no display needed. */
  readonly headless: boolean;
}

/** Linux without X11 or Wayland cannot open a window; elsewhere a display is always there. */
export function hasDisplay(platform: string, env: Record<string, string | undefined>): boolean {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Decides how to start; every message is one plain sentence, never a stack trace. */
export function chooseStart(facts: StartFacts): StartChoice {
  if (!facts.headless && !hasDisplay(facts.platform, facts.env)) {
    return {
      kind: 'no-display',
      message:
        'This computer has no display for the app’s window (neither DISPLAY nor WAYLAND_DISPLAY is set); run it under a virtual display instead, for example: xvfb-run -a npm start',
    };
  }
  if (facts.binary && !facts.headless) return { kind: 'electron', binary: facts.binary };
  return {
    kind: 'chromium',
    message: facts.binary
      ? 'Taking a screenshot, so ApprovalMax Connect runs in Chromium (headless).'
      : 'The Electron runtime is not installed and could not be downloaded (it comes from GitHub, which this computer cannot reach), so ApprovalMax Connect opens in Chromium instead.',
  };
}
