// The update policy's ways out: the Electron shell adapts electron-updater and a native dialog to
// these; unit tests use fakes. Nothing here knows about Electron.

/** A version that has been downloaded in the background and is ready to install. */
export interface DownloadedUpdate {
  readonly version: string;
}

/** The update mechanism (electron-updater in the Electron shell), reduced to what the policy decides on. */
export interface Updater {
  /** Asks the feed for a newer version and downloads it; null when this version is current. Rejects when offline. */
  checkAndDownload(): Promise<DownloadedUpdate | null>;
  /** Quits the app and starts the downloaded version; called only after the person agreed. */
  restartAndInstall(): void;
}

/** Asks the person whether to restart into a downloaded version now; true only for an explicit yes. */
export type RestartPrompt = (update: DownloadedUpdate) => Promise<boolean>;

/** Repeats a task, injected so tests can move time instead of waiting a day. */
export interface Scheduler {
  /** Runs `task` every `intervalMs` until the returned function is called. */
  every(intervalMs: number, task: () => void): () => void;
}
