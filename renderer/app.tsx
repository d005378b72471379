import { useEffect, useState } from 'react';
import type { AppInfo } from '../preload/contract';
import { bridge, call } from './bridge';
import { Logo } from './components/logo';
import { ProxyDialogs } from './components/proxy-dialog';
import { ActivityScreen } from './screens/activity-screen';
import { ConnectionsScreen } from './screens/connections-screen';
import { DiagnosticsScreen } from './screens/diagnostics-screen';
import { InspectorScreen } from './screens/inspector-screen';
import { PingScreen } from './screens/ping-screen';
import { SettingsScreen } from './screens/settings-screen';

const SCREENS = [
  { id: 'connections', label: 'Connections' },
  { id: 'ping', label: 'Test the API' },
  { id: 'inspector', label: 'Inspect a token' },
  { id: 'activity', label: 'Activity' },
  { id: 'diagnostics', label: 'Diagnostics' },
  { id: 'settings', label: 'Settings' },
] as const;
type ScreenId = (typeof SCREENS)[number]['id'];

/** `#screen` or `#screen/param` (e.g. `#inspector/<connection id>`). */
const fromHash = (): { screen: ScreenId; param?: string } => {
  const [id, param] = window.location.hash.slice(1).split('/');
  const screen = SCREENS.find((s) => s.id === id)?.id ?? 'connections';
  return param ? { screen, param: decodeURIComponent(param) } : { screen };
};

/** The app frame: navigation on the left, the current screen on the right. */
export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [{ screen, param }, setRoute] = useState(fromHash);

  useEffect(() => {
    void call(bridge.app.info()).then((result) => result.ok && setInfo(result.value));
    // Notices can arrive after the window shows (the keychain check, admin secrets).
    const stopNotices = bridge.app.on('noticesChanged', (notices) => setInfo((i) => (i ? { ...i, notices } : i)));
    const onHash = () => setRoute(fromHash());
    window.addEventListener('hashchange', onHash);
    return () => (stopNotices(), window.removeEventListener('hashchange', onHash));
  }, []);

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <Logo />
          <span>ApprovalMax Connect</span>
        </div>
        <ul className="nav-list">
          {SCREENS.map((s) => (
            <li key={s.id}>
              <a className="nav-item" href={`#${s.id}`} aria-current={screen === s.id ? 'page' : undefined}>
                {s.label}
              </a>
            </li>
          ))}
        </ul>
        {info && (
          <p className="app-version" aria-label="App version">
            Version {info.version}
            {info.shell === 'chromium' ? ' · Chromium shell' : ''}
          </p>
        )}
      </nav>
      <main className="content">
        {info?.notices.map((notice) => (
          <p key={notice} className="notice" role="alert">
            {notice}
          </p>
        ))}
        {screen === 'connections' && <ConnectionsScreen openSettings={() => (window.location.hash = '#settings')} />}
        {screen === 'ping' && <PingScreen />}
        {screen === 'inspector' && <InspectorScreen connectionId={param} />}
        {screen === 'activity' && <ActivityScreen />}
        {screen === 'diagnostics' && <DiagnosticsScreen />}
        {screen === 'settings' && <SettingsScreen />}
      </main>
      <ProxyDialogs />
    </div>
  );
}
