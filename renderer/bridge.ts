import type { BridgeApi, Result } from '../preload/contract';

/** The bridge object the shell put on window; the renderer's only way to reach main. */
export const bridge: BridgeApi = (window as unknown as { approvalMaxConnect: BridgeApi }).approvalMaxConnect;

/** Turns a thrown bridge call (a bug in main) into a plain-words failure, so no stack reaches the screen. */
export async function call<T>(promise: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await promise;
  } catch {
    return {
      ok: false,
      error: {
        code: 'internal',
        message:
          'Something went wrong inside the app. Please try again; if it keeps happening, restart ApprovalMax Connect.',
      },
    };
  }
}
