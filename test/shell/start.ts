// `npm run start:chromium [-- --screenshot FILE]`: the whole app for real, without the Electron binary.
import { launchChromiumShell } from './launch';

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? args[shotIndex + 1] : undefined;
if (shotIndex >= 0 && !screenshot) {
  console.error('Usage: npm run start:chromium -- --screenshot FILE.png');
  process.exit(2);
}

try {
  const app = await launchChromiumShell({ headless: Boolean(screenshot) || process.env.HEADLESS === '1' });
  const page = await app.firstWindow();
  if (screenshot) {
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.screenshot({ path: screenshot });
    console.log(`Screenshot of the first screen written to ${screenshot}`);
    await app.close();
  } else {
    console.log(`ApprovalMax Connect is running in Chromium (data folder: ${app.dataDir}). Close the window or press Ctrl+C to quit.`);
    const quit = () => void app.close().then(() => process.exit(0));
    page.on('close', quit);
    process.on('SIGINT', quit);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
