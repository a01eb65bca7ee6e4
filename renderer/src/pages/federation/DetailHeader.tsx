/** The top of a connection's or mock IdP's page: back link, avatar, name and facts. */
import type { ReactNode } from 'react';
import { Icon, type IconName } from '../../components/icons';

/** What the page shows until its resource has loaded (or failed to). */
export function DetailLoading({ back, error }: { back: ReactNode; error: string | undefined }) {
  return (
    <div className="fed-card">
      {back}
      <p className={error ? 'form-error' : 'muted'} role={error ? 'alert' : undefined}>
        {error ?? 'Loading…'}
      </p>
    </div>
  );
}

export function DetailHeader(props: {
  back: ReactNode;
  avatarClass: string;
  icon: IconName;
  name: string;
  nameTestId: string;
  /** The facts under the name. */
  meta: ReactNode;
  /** Controls at the end of the title row. */
  actions?: ReactNode;
  /** Notes under the title row. */
  children?: ReactNode;
}) {
  return (
    <header className="fed-detail-header">
      {props.back}
      <div className="fed-title-row">
        <span className={`fed-avatar ${props.avatarClass}`} aria-hidden="true">
          <Icon name={props.icon} size={22} />
        </span>
        <div className="fed-title">
          <h2 data-testid={props.nameTestId}>{props.name}</h2>
          <p className="fed-meta">{props.meta}</p>
        </div>
        {props.actions}
      </div>
      {props.children}
    </header>
  );
}
