// `npm run start:chromium [-- --screenshot FILE]`: the whole app for real, without the Electron binary.
import { runChromiumShell } from './run-shell';

await runChromiumShell(process.argv.slice(2));
