/**
 * One customer on the demo screen: its name, its real hosted login in a frame on the
 * protocol listener, and a strip to sign in live as one of its IdP's personas or, for
 * password users, to start with the demo user's email filled in.
 */
import type { DemoCustomer } from '../../../api/demo-mode-api';
import { ISOLATION_LABELS } from '../../../../../server/model/organization';

export interface StageFrame {
  url: string;
  /** Bumped to reload the frame even when the URL is the same. */
  generation: number;
}

export function DemoStage(props: {
  customer: DemoCustomer;
  index: number;
  frame: StageFrame;
  focused: boolean;
  hidden: boolean;
  onFocus: () => void;
  onStart: (url: string) => void;
  onLoaded: () => void;
}) {
  const { customer, frame } = props;
  const personas = customer.idps.flatMap((idp) => idp.personas.map((persona) => ({ idp, persona })));
  return (
    <section
      className={`demo-stage${props.focused ? ' focused' : ''}`}
      hidden={props.hidden}
      aria-label={customer.name}
      data-testid={`demo-stage-${customer.slug}`}
    >
      <header className="demo-stage-head">
        <button
          type="button"
          className="demo-stage-title"
          onClick={props.onFocus}
          title={`Show ${customer.name} large (key ${props.index + 1})`}
        >
          <kbd className="demo-key">{props.index + 1}</kbd>
          <span className="demo-stage-name">{customer.name}</span>
        </button>
        <span className="demo-stage-model">{ISOLATION_LABELS[customer.isolation]}</span>
        <button
          type="button"
          className="demo-chip ghost"
          onClick={() => props.onStart(customer.loginUrl)}
          data-testid={`demo-restart-${customer.slug}`}
        >
          Restart
        </button>
      </header>
      <iframe
        key={frame.generation}
        className="demo-frame"
        src={frame.url}
        title={`${customer.name} sign-in`}
        sandbox="allow-forms allow-scripts allow-same-origin"
        referrerPolicy="no-referrer"
        onLoad={props.onLoaded}
        data-testid={`demo-frame-${customer.slug}`}
      />
      <footer className="demo-strip" data-testid={`demo-strip-${customer.slug}`}>
        {personas.length > 0 && (
          <>
            <span className="demo-strip-label">Log in as</span>
            {personas.map(({ idp, persona }) => (
              <button
                key={`${idp.connectionId}-${persona.handle}`}
                type="button"
                className="demo-chip"
                title={`${persona.email} · ${idp.mockIdpName} (${idp.kind.toUpperCase()})`}
                onClick={() => props.onStart(persona.loginUrl)}
                data-testid={`demo-persona-${customer.slug}-${persona.handle}`}
              >
                {persona.displayName}
              </button>
            ))}
          </>
        )}
        {customer.localUsers.slice(0, personas.length > 0 ? 1 : 3).map((user) => (
          <span key={user.email} className="demo-user" data-testid={`demo-user-${customer.slug}`}>
            <button
              type="button"
              className="demo-chip"
              title="Start the sign-in with this email filled in"
              onClick={() => props.onStart(user.loginUrl)}
            >
              {user.email}
            </button>
            {user.passwordHint && (
              <span className="demo-hint">
                password <code>{user.passwordHint}</code>
              </span>
            )}
          </span>
        ))}
        {personas.length === 0 && customer.localUsers.length === 0 && (
          <span className="demo-hint">No personas or password users yet.</span>
        )}
        {customer.vanityLoginUrl && (
          <a className="demo-vanity" href={customer.vanityLoginUrl} target="_blank" rel="noreferrer">
            Open on its vanity host
          </a>
        )}
      </footer>
    </section>
  );
}
