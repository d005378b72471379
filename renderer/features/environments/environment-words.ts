import type { EnvironmentDetails } from '../../../preload/contract';

/** What a fixed field says instead of its hint: who sets it. */
export function fixedHint(source: EnvironmentDetails['source']): string {
  return source === 'preset' ? 'Fixed for the built-in environment.' : 'Set by your IT team; ask them to change it.';
}
