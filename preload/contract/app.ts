// The app itself: who it is, notices for the user, copying through main.
import { call, push, type FeatureContract } from './define';

/** What the About line and diagnostics show about the running app. */
export interface AppInfo {
  readonly productName: string;
  readonly version: string;
  readonly shell: 'electron' | 'chromium';
  readonly platform: string;
  readonly dataDir: string;
  /** Plain-words notices for the user, e.g. an admin config file that could not be read. */
  readonly notices: readonly string[];
}

/** When the clipboard will be cleared again (only for copies holding a secret). */
export interface CopyReceipt {
  readonly clearsAt: string | null;
}

/** Calls and events of the app as a whole. */
export const app = {
  calls: {
    info: call<undefined, AppInfo>(),
    /** Copies through main; a secret is wiped from the clipboard after 60 s. */
    copyText: call<{ text: string; secret: boolean }, CopyReceipt>(),
  },
  events: {
    /** Every notice so far, after one arrives late (the keychain check, admin secrets applied after the window shows). */
    noticesChanged: push<string[]>(),
  },
} satisfies FeatureContract;
