/**
 * Importing a SAML IdP's metadata: from a file read here (sent as its XML) or from a URL the
 * server fetches. On the create form it fills the IdP fields; on a connection it applies
 * through the server, which refuses a changed signing certificate until the admin has
 * compared the fingerprints trusted now with the incoming ones and confirmed.
 */
import { Fragment, useState, type KeyboardEvent } from 'react';
import type { Connection } from '../../../../server/model/federation';
import {
  MAX_METADATA_BYTES,
  type CertificateChange,
  type IdpMetadata,
  type MetadataSource,
} from '../../../../server/model/idp-metadata';
import { ApiError } from '../../api/client';
import { applyIdpMetadata, parseIdpMetadata } from '../../api/federation-api';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { Field, fieldProps } from '../applications/Field';
import { useApiClient } from '../org-detail/use-api';
import { FormError } from './FedParts';
import { errorAt, failureOf, formMessage, type PathErrors } from './path-errors';

const SOURCE_FIELDS = ['xml', 'url'] as const;
const ACCEPT = '.xml,application/xml,text/xml,application/samlmetadata+xml';

interface Attempt {
  busy: boolean;
  errors: PathErrors;
  message: string | undefined;
}

const IDLE: Attempt = { busy: false, errors: {}, message: undefined };

/** A failed read as errors beside `xml` / `url`, or one message above them. */
const failedAttempt = (error: unknown): Attempt => {
  const failure = failureOf(error);
  return { busy: false, errors: failure.errors, message: formMessage(failure, SOURCE_FIELDS) };
};

/** The file picker and the URL field; `onRead` gets `{ xml }` or `{ url }`. */
function MetadataSourceFields(props: {
  ids: string;
  testPrefix: string;
  attempt: Attempt;
  actionLabel: string;
  onRead: (source: MetadataSource) => void;
  onLocalError: (errors: PathErrors) => void;
}) {
  const { ids, testPrefix, attempt } = props;
  const [url, setUrl] = useState('');
  const fileError = errorAt(attempt.errors, 'xml');
  const urlError = errorAt(attempt.errors, 'url');

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_METADATA_BYTES) {
      props.onLocalError({ xml: `${file.name} is larger than 1 MiB.` });
      return;
    }
    try {
      props.onRead({ xml: await file.text() });
    } catch {
      props.onLocalError({ xml: `${file.name} could not be read.` });
    }
  };

  const readUrl = () => {
    if (!url.trim()) {
      props.onLocalError({ url: 'enter the metadata URL' });
      return;
    }
    props.onRead({ url: url.trim() });
  };

  // The URL field sits inside the create form: Enter reads the metadata, it does not submit.
  const onUrlKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    readUrl();
  };

  return (
    <div className="fed-metadata-source" data-testid={`${testPrefix}-source`}>
      <Field
        id={`${ids}-metadata-file`}
        label="Metadata file"
        error={fileError}
        errorTestId={`${testPrefix}-error-xml`}
        hint="The XML the IdP admin downloads (EntityDescriptor). Read here, checked by the server."
      >
        <label className={`button fed-file-button${attempt.busy ? ' disabled' : ''}`}>
          Choose file…
          <input
            {...fieldProps(`${ids}-metadata-file`, fileError)}
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            disabled={attempt.busy}
            data-testid={`${testPrefix}-file`}
            onChange={(event) => {
              const input = event.currentTarget;
              void readFile(input.files?.[0]).finally(() => {
                // Picking the same file again after fixing it must read it again.
                input.value = '';
              });
            }}
          />
        </label>
      </Field>
      <span className="fed-metadata-or muted small" aria-hidden="true">
        or
      </span>
      <Field
        id={`${ids}-metadata-url`}
        label="Metadata URL"
        error={urlError}
        errorTestId={`${testPrefix}-error-url`}
        hint="Fetched by the Orgbench server (http or https, 1 MiB at most)."
      >
        <div className="fed-metadata-url-row">
          <input
            {...fieldProps(`${ids}-metadata-url`, urlError)}
            type="url"
            className="fed-mono-input"
            value={url}
            placeholder="https://acme.okta.com/app/…/sso/saml/metadata"
            spellCheck={false}
            autoComplete="off"
            data-testid={`${testPrefix}-url`}
            onChange={(event) => {
              setUrl(event.target.value);
              props.onLocalError({});
            }}
            onKeyDown={onUrlKey}
          />
          <button
            type="button"
            className="button"
            disabled={attempt.busy}
            data-testid={`${testPrefix}-url-read`}
            onClick={readUrl}
          >
            {attempt.busy ? 'Reading…' : props.actionLabel}
          </button>
        </div>
      </Field>
      <FormError message={attempt.message} testId={`${testPrefix}-error`} />
    </div>
  );
}

/** On the create form: reads metadata and hands it to the form to fill its IdP fields. */
export function MetadataImportFields(props: { ids: string; onParsed: (metadata: IdpMetadata) => void }) {
  const client = useApiClient();
  const [attempt, setAttempt] = useState<Attempt>(IDLE);
  const [read, setRead] = useState<IdpMetadata>();

  const onRead = async (source: MetadataSource) => {
    setAttempt({ ...IDLE, busy: true });
    try {
      const metadata = await parseIdpMetadata(client, source);
      setRead(metadata);
      setAttempt(IDLE);
      props.onParsed(metadata);
    } catch (error) {
      setAttempt(failedAttempt(error));
    }
  };

  return (
    <div className="fed-metadata-import" data-testid="conn-metadata-import">
      <h4>Import IdP metadata</h4>
      <MetadataSourceFields
        ids={props.ids}
        testPrefix="conn-metadata"
        attempt={attempt}
        actionLabel="Read"
        onRead={(source) => void onRead(source)}
        onLocalError={(errors) => setAttempt({ ...IDLE, errors })}
      />
      {read && (
        <p className="fed-callout" data-testid="conn-metadata-summary" role="status">
          <Icon name="check" size={14} />
          <span>
            Filled in from the metadata of <code>{read.entityId}</code>: entity ID, SSO URL
            {read.sloUrl ? ', SLO URL' : ''} and {plural(read.certificates.length, 'signing certificate')}. Check the
            fingerprint{read.certificates.length > 1 ? 's' : ''} below with the IdP admin.
          </span>
        </p>
      )}
    </div>
  );
}

/** On a SAML connection: applies metadata, asking before trusting a different certificate. */
export function ConnectionMetadataImport(props: { connection: Connection; onApplied: () => void }) {
  const { connection } = props;
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const [attempt, setAttempt] = useState<Attempt>(IDLE);
  const [pending, setPending] = useState<{ source: MetadataSource; change: CertificateChange }>();

  const applied = (entityId: string, certificateChanged: boolean) => {
    notify(
      'success',
      `Imported the metadata of ${entityId} into “${connection.name}”${certificateChanged ? '; the new signing certificate is trusted' : ''}.`,
    );
    props.onApplied();
  };

  const onRead = async (source: MetadataSource) => {
    setAttempt({ ...IDLE, busy: true });
    try {
      const result = await applyIdpMetadata(client, connection.id, source);
      setAttempt(IDLE);
      applied(result.metadata.entityId, result.certificateChange !== null);
    } catch (error) {
      const change = certificateChangeOf(error);
      if (change) {
        setAttempt(IDLE);
        setPending({ source, change });
        return;
      }
      setAttempt(failedAttempt(error));
    }
  };

  return (
    <section className="fed-card" aria-labelledby="conn-metadata-title" data-testid="conn-metadata">
      <h3 id="conn-metadata-title">Import IdP metadata</h3>
      <p className="muted small">
        Replaces the IdP entity ID, SSO and SLO URLs and signing certificates with those of the metadata. A different
        certificate is only trusted once you confirm its fingerprint.
      </p>
      <MetadataSourceFields
        ids="conn-metadata"
        testPrefix="conn-metadata"
        attempt={attempt}
        actionLabel="Import"
        onRead={(source) => void onRead(source)}
        onLocalError={(errors) => setAttempt({ ...IDLE, errors })}
      />
      {pending && (
        <ConfirmDialog
          title="Trust a different signing certificate?"
          confirmLabel="Trust and import"
          busyLabel="Importing…"
          testIds={confirmTestIds('conn-metadata-cert-dialog')}
          onConfirm={async () => {
            const result = await applyIdpMetadata(client, connection.id, {
              ...pending.source,
              confirmCertificateChange: true,
            });
            applied(result.metadata.entityId, true);
          }}
          onClose={() => setPending(undefined)}
        >
          <p>
            Assertions signed with a certificate no longer listed will be refused. Compare the incoming fingerprint with
            the one the IdP admin gives you.
          </p>
          <CertificateChangeView change={pending.change} />
        </ConfirmDialog>
      )}
    </section>
  );
}

/** The fingerprints trusted now beside the incoming ones; those that come or go are marked. */
function CertificateChangeView({ change }: { change: CertificateChange }) {
  const column = (title: string, prints: string[], other: string[], mark: string, testId: string) => (
    <div className="fed-cert-column" data-testid={testId}>
      <h4>{title}</h4>
      <ul>
        {prints.map((print, index) => {
          const differs = !other.includes(print);
          return (
            <li key={print} className={differs ? 'fed-cert-differs' : undefined}>
              <code data-testid={`${testId}-${index}`}>{breakablePrint(print)}</code>
              <span className="small muted">{differs ? mark : 'kept'}</span>
            </li>
          );
        })}
        {prints.length === 0 && <li className="muted small">none</li>}
      </ul>
    </div>
  );
  return (
    <div className="fed-cert-change">
      {column('Trusted now', change.current, change.incoming, 'no longer trusted', 'conn-metadata-current')}
      {column('In the metadata', change.incoming, change.current, 'new', 'conn-metadata-incoming')}
    </div>
  );
}

/** The fingerprints of a 409 `certificate_change_unconfirmed`, else undefined. */
function certificateChangeOf(error: unknown): CertificateChange | undefined {
  if (!(error instanceof ApiError) || error.code !== 'certificate_change_unconfirmed') return undefined;
  const { current, incoming } = error.details ?? {};
  const strings = (value: unknown): value is string[] =>
    Array.isArray(value) && value.every((item) => typeof item === 'string');
  return strings(current) && strings(incoming) ? { current, incoming } : undefined;
}

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** A fingerprint that wraps between its hex pairs, not inside one. */
const breakablePrint = (print: string) =>
  print.split(':').map((pair, index) => (
    <Fragment key={index}>
      {index > 0 && (
        <>
          :<wbr />
        </>
      )}
      {pair}
    </Fragment>
  ));
