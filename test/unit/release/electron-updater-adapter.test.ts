// The thin Electron adapter: electron-updater behind the Updater port, the native dialog behind
// RestartPrompt. Electron and electron-updater are replaced by test doubles (no binary here).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryLogger } from '../core/fakes';

const electron = vi.hoisted(() => ({
  app: { isPackaged: true, on: vi.fn() },
  dialog: { showMessageBox: vi.fn(async (..._args: unknown[]) => ({ response: 1, checkboxChecked: false })) },
}));
const updater = vi.hoisted(() => ({
  autoDownload: false,
  autoInstallOnAppQuit: false,
  logger: null as unknown,
  setFeedURL: vi.fn(),
  checkForUpdates: vi.fn(async (): Promise<unknown> => null),
  quitAndInstall: vi.fn(),
}));
vi.mock('electron', () => electron);
vi.mock('electron-updater', () => ({ autoUpdater: updater }));

const { askToRestartDialog, ElectronUpdater, setupAutoUpdates } = await import('../../../main/electron/updater');

beforeEach(() => {
  vi.clearAllMocks();
  electron.app.isPackaged = true;
});

describe('ElectronUpdater', () => {
  it('downloads in the background and reports the version once it is downloaded', async () => {
    let downloaded = false;
    updater.checkForUpdates.mockResolvedValueOnce({
      isUpdateAvailable: true,
      updateInfo: { version: '2.0.0' },
      downloadPromise: new Promise((resolve) => setTimeout(() => resolve((downloaded = true)), 5)),
    });
    const result = await new ElectronUpdater(new MemoryLogger()).checkAndDownload();
    expect(result).toEqual({ version: '2.0.0' });
    expect(downloaded).toBe(true);
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
  });

  it('reports "up to date" as null and passes failures on to the policy', async () => {
    updater.checkForUpdates.mockResolvedValueOnce({ isUpdateAvailable: false, updateInfo: { version: '1.0.0' } });
    const adapter = new ElectronUpdater(new MemoryLogger());
    expect(await adapter.checkAndDownload()).toBeNull();
    updater.checkForUpdates.mockRejectedValueOnce(new Error('net::ERR_NAME_NOT_RESOLVED'));
    await expect(adapter.checkAndDownload()).rejects.toThrow('ERR_NAME_NOT_RESOLVED');
  });

  it("uses IT's feed from the config file when there is one, else the installer's app-update.yml", async () => {
    await new ElectronUpdater(new MemoryLogger()).checkAndDownload();
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    await new ElectronUpdater(new MemoryLogger(), 'https://updates.example.com/amc/').checkAndDownload();
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.com/amc/' });
  });

  it("keeps electron-updater's own error lines at debug level (the policy logs one calm warning)", async () => {
    const logger = new MemoryLogger();
    await new ElectronUpdater(logger).checkAndDownload();
    (updater.logger as { error(m: string): void }).error('Error: net::ERR_INTERNET_DISCONNECTED at …');
    expect(logger.lines.map((l) => l.level)).toEqual(['debug']);
  });

  it('restarts silently into the downloaded version, and only once loaded', async () => {
    const adapter = new ElectronUpdater(new MemoryLogger());
    adapter.restartAndInstall();
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    await adapter.checkAndDownload();
    adapter.restartAndInstall();
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });
});

describe('askToRestartDialog', () => {
  it('asks in plain words with Restart / Later', async () => {
    await askToRestartDialog({ version: '2.0.0' });
    const options = electron.dialog.showMessageBox.mock.calls[0]?.[0] as { message: string; buttons: string[]; cancelId: number; detail: string };
    expect(options.message).toBe('An update to ApprovalMax Connect is ready. Restart now?');
    expect(options.buttons).toEqual(['Restart', 'Later']);
    expect(options.cancelId).toBe(1); // Escape or closing the dialog = Later
    expect(options.detail).toContain('2.0.0');
  });

  it.each([
    [0, true],
    [1, false],
  ])('button %i means restart: %s', async (response, restart) => {
    electron.dialog.showMessageBox.mockResolvedValueOnce({ response, checkboxChecked: false });
    expect(await askToRestartDialog({ version: '2.0.0' })).toBe(restart);
  });
});

describe('setupAutoUpdates', () => {
  it('does not load electron-updater when IT turned updates off, or in a development run', async () => {
    setupAutoUpdates({ enabled: false }, new MemoryLogger(), () => undefined);
    electron.app.isPackaged = false;
    setupAutoUpdates({ enabled: true }, new MemoryLogger(), () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('checks at start in a packaged app with updates on (the default)', async () => {
    setupAutoUpdates(undefined, new MemoryLogger(), () => undefined);
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledTimes(1));
    expect(electron.app.on).toHaveBeenCalledWith('before-quit', expect.any(Function));
    for (const [, stop] of electron.app.on.mock.calls as [string, () => void][]) stop(); // clear the daily timer
  });
});
