// The Chromium shell as a person runs it (`npm start` without Electron, `npm run start:chromium`):
// a window until it is closed, or `--screenshot FILE` for a PNG of the first screen.
import { launchChromiumShell, type ChromiumShellOptions } from './launch';

/** The FILE of `--screenshot FILE`; null without the flag. Exits with a usage line when FILE is missing. */
export function screenshotArgument(args: readonly string[]): string | null {
  const at = args.indexOf('--screenshot');
  if (at < 0) return null;
  const file = args[at + 1];
  if (!file) {
    console.error('Usage: npm start -- --screenshot FILE.png');
    process.exit(2);
  }
  return file;
}

/** Runs the app in Chromium until its window closes (or writes the screenshot and exits); errors in one sentence. */
export async function runChromiumShell(args: readonly string[], options: ChromiumShellOptions = {}): Promise<void> {
  const screenshot = screenshotArgument(args);
  try {
    const app = await launchChromiumShell({
      headless: screenshot !== null || process.env.HEADLESS === '1',
      ...options,
    });
    const page = await app.firstWindow();
    if (screenshot) {
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.screenshot({ path: screenshot });
      console.log(`Screenshot of the first screen written to ${screenshot}`);
      await app.close();
      return;
    }
    console.log(
      `ApprovalMax Connect is running in Chromium (data folder: ${app.dataDir}). Close the window or press Ctrl+C to quit.`,
    );
    const quit = () => void app.close().then(() => process.exit(0));
    page.on('close', quit);
    process.on('SIGINT', quit);
  } catch (error) {
    console.error(
      `ApprovalMax Connect could not start in Chromium: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
    process.exit(1);
  }
}
