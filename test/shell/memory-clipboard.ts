import type { Clipboard } from '../../main/core/ports';

/** The Chromium shell's clipboard: in memory, so tests can read what the app copied (and when it was wiped). */
export class MemoryClipboard implements Clipboard {
  text = '';
  async writeText(text: string): Promise<void> {
    this.text = text;
  }
  async readText(): Promise<string> {
    return this.text;
  }
}
