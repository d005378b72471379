import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyService, SECRET_CLIPBOARD_MS } from '../../../main/core/app/copy-service';
import { MemoryClipboard } from '../../shell/memory-clipboard';
import { FakeClock } from './fakes';

describe('CopyService', () => {
  afterEach(() => void vi.useRealTimers());

  it('wipes a copied secret after 60 s if it is still on the clipboard', async () => {
    vi.useFakeTimers();
    const clipboard = new MemoryClipboard();
    const clock = new FakeClock();
    const clearsAt = await new CopyService(clipboard, clock).copySecret('secret-token');
    expect(clipboard.text).toBe('secret-token');
    expect(clearsAt).toBe(clock.now() + SECRET_CLIPBOARD_MS);
    await vi.advanceTimersByTimeAsync(SECRET_CLIPBOARD_MS - 1);
    expect(clipboard.text).toBe('secret-token');
    await vi.advanceTimersByTimeAsync(1);
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    vi.useFakeTimers();
    const clipboard = new MemoryClipboard();
    await new CopyService(clipboard, new FakeClock()).copySecret('secret-token');
    await clipboard.writeText('my own text');
    await vi.advanceTimersByTimeAsync(SECRET_CLIPBOARD_MS);
    expect(clipboard.text).toBe('my own text');
  });

  it('copies plain text without a timer', async () => {
    vi.useFakeTimers();
    const clipboard = new MemoryClipboard();
    await new CopyService(clipboard, new FakeClock()).copy('report');
    await vi.advanceTimersByTimeAsync(SECRET_CLIPBOARD_MS * 2);
    expect(clipboard.text).toBe('report');
  });
});
