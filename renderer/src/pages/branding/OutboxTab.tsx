/**
 * Branding → Outbox: every notification Orgbench would have sent (invitations, password
 * resets, MFA codes, …), newest first and refreshed while the tab is open. Filter by org,
 * recipient and channel; open one to see it as its recipient would; clear what you no
 * longer need. The SMTP relay, for those who want real email too, sits below.
 */
import { useCallback, useEffect, useState } from 'react';
import { KIND_LABELS, type NotificationChannel, type NotificationKind } from '../../../../server/model/notification';
import { clearOutbox, listOutbox } from '../../api/notifications-api';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { useApiClient, useResource } from '../org-detail/use-api';
import { OutboxList } from './notifications/OutboxList';
import { OutboxMessageView } from './notifications/OutboxMessageView';
import { ScopePicker, WORKSPACE } from './notifications/ScopePicker';
import { SmtpRelayCard } from './notifications/SmtpRelayCard';
import './notifications/notifications.css';
import './notifications/outbox.css';

const REFRESH_MS = 2000;
const CHANNELS: { id: NotificationChannel | ''; label: string }[] = [
  { id: '', label: 'All' },
  { id: 'email', label: 'Email' },
  { id: 'sms', label: 'SMS' },
  { id: 'voice', label: 'Voice' },
];

export function OutboxTab() {
  const client = useApiClient();
  const orgs = useAppStore((s) => s.orgs);
  const notify = useAppStore((s) => s.notify);
  const [org, setOrg] = useState(WORKSPACE);
  const [to, setTo] = useState('');
  const [channel, setChannel] = useState<NotificationChannel | ''>('');
  const [selectedId, setSelectedId] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  const filter = JSON.stringify({ org: org === WORKSPACE ? '' : org, to: to.trim(), channel });
  const load = useCallback(
    () => listOutbox(client, { ...(JSON.parse(filter) as object), limit: 100 }),
    [client, filter],
  );
  const outbox = useResource(load);
  const { reload } = outbox;

  // New messages arrive while the tab is open (a login sends an MFA code, a test sends a reset).
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const messages = outbox.data?.messages ?? [];
  const selected = messages.find((message) => message.id === selectedId) ?? messages[0];
  const orgName = (id: string | null) => (id === null ? 'Workspace' : (orgs.find((o) => o.id === id)?.name ?? id));
  const kindLabel = (kind: NotificationKind) => KIND_LABELS[kind];
  const filtered = org !== WORKSPACE || to.trim() !== '' || channel !== '';
  const scopeName = org === WORKSPACE ? 'every organization' : orgName(org);

  return (
    <div className="ntf-tab" data-testid="ntf-outbox">
      <div className="ntf-toolbar ntf-outbox-filters">
        <ScopePicker
          id="ntf-outbox-org"
          label="Organization"
          orgs={orgs}
          value={org}
          onChange={setOrg}
          workspaceLabel="All organizations"
          testId="ntf-outbox-org"
        />
        <div className="field ntf-recipient">
          <label htmlFor="ntf-outbox-to">Recipient</label>
          <input
            id="ntf-outbox-to"
            type="search"
            placeholder="jane@acme.test or +4915…"
            value={to}
            onChange={(event) => setTo(event.target.value)}
            data-testid="ntf-outbox-to"
          />
        </div>
        <div className="ntf-filter-field">
          <span className="ntf-segment-label" id="ntf-outbox-channel-label">
            Channel
          </span>
          <div
            className="segmented"
            role="group"
            aria-labelledby="ntf-outbox-channel-label"
            data-testid="ntf-outbox-channel"
          >
            {CHANNELS.map((entry) => (
              <button
                key={entry.id || 'all'}
                type="button"
                className={`tab${channel === entry.id ? ' selected' : ''}`}
                aria-pressed={channel === entry.id}
                onClick={() => setChannel(entry.id)}
                data-testid={`ntf-outbox-channel-${entry.id || 'all'}`}
              >
                {entry.label}
              </button>
            ))}
          </div>
        </div>
      </div>

      {outbox.error && (
        <p className="form-error" role="alert">
          {outbox.error}
        </p>
      )}

      {outbox.data && messages.length === 0 ? (
        <div className="empty-state" data-testid="ntf-outbox-empty">
          <div className="empty-art">
            <Icon name="clock" size={40} />
          </div>
          <h2>{filtered ? 'No message matches these filters' : 'Nothing sent yet'}</h2>
          <p className="muted">
            Invitations, password resets, email verifications, MFA codes and new-device alerts land here instead of
            being sent, rendered with each organization’s template and theme. Scripts can fetch the latest one with{' '}
            <code>GET /api/outbox/latest?to=…</code> and follow its link.
          </p>
        </div>
      ) : (
        <div className="ntf-outbox-split">
          <div className="ntf-outbox-column">
            <div className="ntf-outbox-head">
              <span className="muted small ntf-live" data-testid="ntf-outbox-count">
                <span className="ntf-live-dot" aria-hidden="true" /> {messages.length} message
                {messages.length === 1 ? '' : 's'} · newest first · live
              </span>
              <button
                type="button"
                className="button danger ntf-small-button"
                onClick={() => setConfirming(true)}
                data-testid="ntf-outbox-clear"
              >
                <Icon name="trash" size={15} /> Clear
              </button>
            </div>
            <OutboxList
              messages={messages}
              selectedId={selected?.id}
              orgName={orgName}
              kindLabel={kindLabel}
              onSelect={setSelectedId}
            />
          </div>
          {selected && (
            <OutboxMessageView
              key={selected.id}
              message={selected}
              orgName={orgName(selected.orgId)}
              kindLabel={kindLabel(selected.kind)}
            />
          )}
        </div>
      )}

      <SmtpRelayCard />

      {confirming && (
        <ConfirmDialog
          title="Clear the outbox?"
          confirmLabel="Clear"
          busyLabel="Clearing…"
          danger
          testIds={confirmTestIds('ntf-outbox-clear-dialog')}
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const { deleted } = await clearOutbox(client, org === WORKSPACE ? undefined : org);
            notify('success', `Deleted ${deleted} message${deleted === 1 ? '' : 's'}.`);
            setSelectedId(undefined);
            reload();
          }}
        >
          <p>
            This deletes every message of {scopeName} from the outbox
            {org === WORKSPACE ? '' : ' (other organizations keep theirs)'}.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
