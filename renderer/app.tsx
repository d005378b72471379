import { useEffect, useState } from 'react';
import type { AppInfo } from '../preload/contract';
import { bridge, call } from './bridge';
import { Logo } from './components/logo';
import { PingScreen } from './screens/ping-screen';

/** The app frame: navigation on the left, the current screen on the right. */
export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);

  useEffect(() => {
    void call(bridge.getAppInfo()).then((result) => result.ok && setInfo(result.value));
  }, []);

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <Logo />
          <span>ApprovalMax Connect</span>
        </div>
        <ul className="nav-list">
          <li>
            <a className="nav-item" href="#ping" aria-current="page">
              Test the API
            </a>
          </li>
        </ul>
        {info && (
          <p className="app-version" aria-label="App version">
            Version {info.version}
            {info.shell === 'chromium' ? ' · Chromium shell' : ''}
          </p>
        )}
      </nav>
      <main className="content" id="ping">
        {info?.notices.map((notice) => (
          <p key={notice} className="notice" role="alert">
            {notice}
          </p>
        ))}
        <PingScreen />
      </main>
    </div>
  );
}
