/**
 * The demo presentation: fills the window (and the screen, where the Fullscreen API is
 * allowed), shows the chosen customers' real login pages side by side, and is driven by
 * single keys. Leaving fullscreen (Esc) leaves the demo.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DemoCustomer } from '../../../api/demo-mode-api';
import { demoKeyAction, demoKeyLegend, type DemoAction, type DemoFocus } from './demo-keys';
import { DemoStage, type StageFrame } from './DemoStage';
import './demo-screen.css';

/** Asks for fullscreen on the whole page; call it in the click that opens the demo. */
export function enterFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenEnabled && !document.fullscreenElement) root.requestFullscreen().catch(() => undefined);
}

export function DemoScreen(props: { customers: DemoCustomer[]; onLeave: () => void }) {
  const { customers, onLeave } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<DemoFocus>(null);
  const [frames, setFrames] = useState<StageFrame[]>(() =>
    customers.map((customer) => ({ url: customer.loginUrl, generation: 0 })),
  );
  const [loaded, setLoaded] = useState<ReadonlySet<number>>(new Set());

  const leave = useCallback(() => {
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    onLeave();
  }, [onLeave]);

  const start = useCallback((index: number, url: string) => {
    setLoaded((previous) => new Set([...previous].filter((value) => value !== index)));
    setFrames((previous) =>
      previous.map((frame, at) => (at === index ? { url, generation: frame.generation + 1 } : frame)),
    );
  }, []);

  const apply = useCallback(
    (action: DemoAction) => {
      if (action.kind === 'leave') leave();
      else if (action.kind === 'grid') setFocus(null);
      else if (action.kind === 'focus') setFocus(action.index);
      else {
        const targets = action.index === null ? customers.map((_, index) => index) : [action.index];
        for (const index of targets) start(index, customers[index]?.loginUrl ?? '');
      }
    },
    [customers, leave, start],
  );

  useEffect(() => {
    rootRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      const action = demoKeyAction(event, focus, customers.length);
      if (!action) return;
      event.preventDefault();
      apply(action);
    };
    // Esc in fullscreen is the browser's: it leaves fullscreen, and so the demo.
    let wasFullscreen = document.fullscreenElement !== null;
    const onFullscreen = () => {
      if (document.fullscreenElement) wasFullscreen = true;
      else if (wasFullscreen) onLeave();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [apply, focus, customers.length, onLeave]);

  return (
    <div
      ref={rootRef}
      className="demo-screen"
      tabIndex={-1}
      role="dialog"
      aria-modal="true"
      aria-label="Demo mode"
      data-testid="demo-screen"
      data-view={focus === null ? 'grid' : 'focus'}
      data-ready={loaded.size === customers.length ? 'true' : 'false'}
    >
      <header className="demo-bar">
        <span className="demo-brand">Orgbench demo</span>
        <nav className="demo-switcher" aria-label="Customers">
          <button
            type="button"
            className={`demo-tab${focus === null ? ' selected' : ''}`}
            aria-pressed={focus === null}
            onClick={() => setFocus(null)}
            data-testid="demo-grid"
          >
            All
          </button>
          {customers.map((customer, index) => (
            <button
              key={customer.orgId}
              type="button"
              className={`demo-tab${focus === index ? ' selected' : ''}`}
              aria-pressed={focus === index}
              onClick={() => setFocus(index)}
              data-testid={`demo-tab-${customer.slug}`}
            >
              {customer.name}
            </button>
          ))}
        </nav>
        <p className="demo-legend" aria-label="Keys" data-testid="demo-legend">
          {demoKeyLegend(customers.length).map((item) => (
            <span key={item}>{item}</span>
          ))}
        </p>
        <button type="button" className="demo-leave" onClick={leave} data-testid="demo-leave">
          Leave
        </button>
      </header>
      <div
        className={`demo-stages${focus === null ? '' : ' focused'}`}
        style={{ ['--demo-count' as string]: customers.length }}
      >
        {customers.map((customer, index) => (
          <DemoStage
            key={customer.orgId}
            customer={customer}
            index={index}
            frame={frames[index] ?? { url: customer.loginUrl, generation: 0 }}
            focused={focus === index}
            hidden={focus !== null && focus !== index}
            onFocus={() => setFocus(index)}
            onStart={(url) => start(index, url)}
            onLoaded={() => {
              setLoaded((previous) => new Set(previous).add(index));
              // A page that finished loading hands the keys back (a click into a frame keeps them otherwise).
              if (document.activeElement instanceof HTMLIFrameElement) rootRef.current?.focus();
            }}
          />
        ))}
      </div>
    </div>
  );
}
