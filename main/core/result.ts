import type { BridgeError, ErrorCode, Result } from '../../preload/contract';

export type { Result, BridgeError };

/** Wraps a success value. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** Wraps an expected failure with a plain-words message. */
export const fail = <T = never>(code: ErrorCode, message: string): Result<T> => ({
  ok: false,
  error: { code, message },
});
