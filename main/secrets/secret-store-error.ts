/** Why a keychain operation failed, so callers can tell "ask the user to unlock" from "connect again". */
export type SecretStoreErrorKind = 'refused' | 'damaged';

const REFUSED =
  'The keychain is locked or refused access, so ApprovalMax Connect could not read or save a secret it needs. ' +
  'Unlock your keychain (or allow access when asked) and try again.';
const DAMAGED =
  'A secret saved in the keychain is incomplete or damaged, so ApprovalMax Connect cannot use it. ' +
  'Connect again to replace it.';

/** A keychain failure in plain words; it never carries the secret, only the keychain's own error as `cause`. */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';

  private constructor(
    readonly kind: SecretStoreErrorKind,
    message: string,
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
  }

  /** The keychain said no (locked, access denied, service gone): the user can usually fix it and retry. */
  static refused(cause: unknown): SecretStoreError {
    return cause instanceof SecretStoreError ? cause : new SecretStoreError('refused', REFUSED, cause);
  }

  /** What the keychain holds for a key does not add up to a whole value; we refuse to hand out a part. */
  static damaged(): SecretStoreError {
    return new SecretStoreError('damaged', DAMAGED);
  }
}
