import type { EventHub } from '../events';

/** Which secret store the shell ended up with: the OS keychain, memory for this session, or not yet known. */
export type KeychainState = 'keychain' | 'memory' | 'unknown';

/** What the shell found about the keychain; it may arrive after the window shows. */
export interface KeychainFacts {
  readonly backend: 'keychain' | 'memory';
  readonly notice?: string;
}

/** Notices and keychain state that can change after start, pushed to the renderer as they arrive. */
export class AppStatus {
  private list: string[] = [];
  private store: KeychainState = 'unknown';

  constructor(private readonly events: EventHub) {}

  get notices(): readonly string[] {
    return this.list;
  }

  get keychain(): KeychainState {
    return this.store;
  }

  addNotices(notices: readonly string[]): void {
    const fresh = notices.filter((n) => !this.list.includes(n));
    if (fresh.length === 0) return;
    this.list = [...this.list, ...fresh];
    this.events.emit('app:noticesChanged', [...this.list]);
  }

  setKeychain(facts: KeychainFacts): void {
    this.store = facts.backend;
    if (facts.notice) this.addNotices([facts.notice]);
  }
}
