import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRAY_ICON_PNG_BASE64 } from '../../../main/electron/tray-icon';

describe('the tray icon', () => {
  it('is build/icons/32x32.png, so `npm run icons` and the tray never disagree', () => {
    const file = readFileSync(path.resolve(import.meta.dirname, '../../../build/icons/32x32.png'));
    expect(Buffer.from(TRAY_ICON_PNG_BASE64, 'base64').equals(file)).toBe(true);
  });
});
