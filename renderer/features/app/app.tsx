import type { AppInfo } from '../../../preload/contract';
import { Logo } from '../../shared/logo';
import { ActivityScreen } from '../activity/activity-screen';
import { ConnectionsScreen } from '../connections/connections-screen';
import { DiagnosticsScreen } from '../diagnostics/diagnostics-screen';
import { SettingsScreen } from '../environments/settings-screen';
import { InspectorScreen } from '../inspect/inspector-screen';
import { PingScreen } from '../ping/ping-screen';
import { ProxyDialogs } from '../proxy/proxy-dialog';
import { WorkbenchScreen } from '../workbench/workbench-screen';
import { goTo, SCREENS, useRoute, type Route, type ScreenId } from './routes';
import { useAppInfo } from './use-app-info';

/** The app frame: navigation on the left, the current screen on the right. */
export function App() {
  const route = useRoute();
  const info = useAppInfo().data;
  return (
    <div className="app">
      <Sidebar current={route.screen} info={info} />
      <main className="content">
        {info?.notices.map((notice) => (
          <p key={notice} className="notice" role="alert">
            {notice}
          </p>
        ))}
        <CurrentScreen route={route} />
      </main>
      <ProxyDialogs />
    </div>
  );
}

function Sidebar({ current, info }: { current: ScreenId; info: AppInfo | null }) {
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <Logo />
        <span>ApprovalMax Connect</span>
      </div>
      <ul className="nav-list">
        {SCREENS.map((s) => (
          <li key={s.id}>
            <a className="nav-item" href={`#${s.id}`} aria-current={current === s.id ? 'page' : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
      {info && (
        <p className="app-version">
          Version {info.version}
          {info.shell === 'chromium' ? ' · Chromium shell' : ''}
        </p>
      )}
    </nav>
  );
}

function CurrentScreen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'connections':
      return <ConnectionsScreen openSettings={() => goTo('settings')} />;
    case 'ping':
      return <PingScreen />;
    case 'workbench':
      return <WorkbenchScreen />;
    case 'inspector':
      return <InspectorScreen connectionId={route.param} />;
    case 'activity':
      return <ActivityScreen />;
    case 'diagnostics':
      return <DiagnosticsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
