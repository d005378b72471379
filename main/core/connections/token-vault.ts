import { z } from 'zod';
import type { SecretStore } from '../ports';
import type { TokenVault } from '../tokens/token-refresher';
import type { TokenSet } from '../tokens/token-set';

const accessEntrySchema = z.object({
  accessToken: z.string(),
  receivedAt: z.number(),
  expiresAt: z.number(),
  scope: z.array(z.string()).nullable(),
});

const refreshKey = (id: string) => `connection/${id}/refresh-token`;
const accessKey = (id: string) => `connection/${id}/access-token`;

/** A connection's tokens in the keychain: the refresh token is written first, so it is never the one lost. */
export class KeychainTokenVault implements TokenVault {
  constructor(private readonly secrets: SecretStore) {}

  async load(connectionId: string): Promise<TokenSet | null> {
    const [refreshToken, access] = await Promise.all([
      this.secrets.get(refreshKey(connectionId)),
      this.secrets.get(accessKey(connectionId)),
    ]);
    if (access === null) return null;
    let parsed: z.infer<typeof accessEntrySchema>;
    try {
      parsed = accessEntrySchema.parse(JSON.parse(access));
    } catch {
      return null;
    }
    return { ...parsed, refreshToken };
  }

  /** Only the access token's entry: never touches the refresh token's, so no read queues ahead of its write. */
  async loadAccessToken(connectionId: string): Promise<string | null> {
    const access = await this.secrets.get(accessKey(connectionId));
    if (access === null) return null;
    try {
      return accessEntrySchema.parse(JSON.parse(access)).accessToken;
    } catch {
      return null;
    }
  }

  /**
   * The refresh token first, in its own entry: it is short, so the keychain adapter stores it with ONE
   * entry write and no call before it. With a server that rotates refresh tokens, the old one is dead
   * once the answer arrives, so this write is the only thing between the answer and a token that
   * survives a kill; the access token (which can always be renewed) follows.
   */
  async save(connectionId: string, tokens: TokenSet): Promise<void> {
    if (tokens.refreshToken !== null) await this.secrets.set(refreshKey(connectionId), tokens.refreshToken);
    const { accessToken, receivedAt, expiresAt, scope } = tokens;
    await this.secrets.set(accessKey(connectionId), JSON.stringify({ accessToken, receivedAt, expiresAt, scope }));
  }

  /** Removes every secret of a connection; true when all are gone. */
  async remove(connectionId: string): Promise<void> {
    await this.secrets.delete(accessKey(connectionId));
    await this.secrets.delete(refreshKey(connectionId));
  }
}
