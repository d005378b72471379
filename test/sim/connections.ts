// Connections: what ApprovalMax creates for each completed consent, and which organisations it covers.
import { randomUUID } from 'node:crypto';

/** One completed consent: a connection id (the token's connection claim) and its ticked organisations. */
export interface Connection {
  connectionId: string;
  companyIds: string[];
}

/** Remembers each grant's connection so tokens and the API agree on what was consented to. */
export class ConnectionStore {
  readonly #byGrant = new Map<string, Connection>();
  readonly #byId = new Map<string, Connection>();

  create(grantId: string, companyIds: string[]): Connection {
    const connection = { connectionId: randomUUID(), companyIds: [...companyIds] };
    this.#byGrant.set(grantId, connection);
    this.#byId.set(connection.connectionId, connection);
    return connection;
  }

  forGrant(grantId: string | undefined): Connection | undefined {
    return grantId === undefined ? undefined : this.#byGrant.get(grantId);
  }

  byId(connectionId: string): Connection | undefined {
    return this.#byId.get(connectionId);
  }
}
