import type { Clipboard, Clock } from '../ports';

/** How long a copied secret may stay on the clipboard (README "Security checks"). */
export const SECRET_CLIPBOARD_MS = 60_000;

/** Copies text for the user; a secret is wiped after 60 s unless the clipboard has changed since. */
export class CopyService {
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly clipboard: Clipboard,
    private readonly clock: Pick<Clock, 'now'>,
    private readonly timers: { set: typeof setTimeout; clear: typeof clearTimeout } = {
      set: setTimeout,
      clear: clearTimeout,
    },
  ) {}

  copy(text: string): Promise<void> {
    return this.clipboard.writeText(text);
  }

  /** Copies a secret and schedules the wipe; returns when it will be cleared (epoch ms). */
  async copySecret(secret: string): Promise<number> {
    await this.clipboard.writeText(secret);
    if (this.pending) this.timers.clear(this.pending);
    this.pending = this.timers.set(() => {
      this.pending = undefined;
      void this.wipeIfStill(secret);
    }, SECRET_CLIPBOARD_MS);
    (this.pending as { unref?: () => void }).unref?.();
    return this.clock.now() + SECRET_CLIPBOARD_MS;
  }

  private async wipeIfStill(secret: string): Promise<void> {
    if ((await this.clipboard.readText()) === secret) await this.clipboard.writeText('');
  }
}
