/**
 * The IdP side of a connection: a mock IdP hosted here (which fills in its own entity ID,
 * SSO URL and certificate, or issuer and client), or a real IdP described by hand.
 */
import { useEffect, useState } from 'react';
import type { Connection, MockIdp } from '../../../../server/model/federation';
import { CopyButton } from '../../components/CopyButton';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { Field, fieldProps } from '../applications/Field';
import type { IdpMetadata } from '../../../../server/model/idp-metadata';
import type { ConnectionDraft } from './connection-form';
import { CopyValue } from './FedParts';
import { MetadataImportFields } from './MetadataImport';
import { errorAt, type PathErrors } from './path-errors';
import { sha256Fingerprint, splitPems } from './pem';
import { PRESET_INFO } from './vendor-presets';

export type UpdateDraft = (patch: Partial<ConnectionDraft>, field: string) => void;

export function IdpSideFields(props: {
  ids: string;
  draft: ConnectionDraft;
  errors: PathErrors;
  update: UpdateDraft;
  mockIdps: readonly MockIdp[];
  /** Set when editing: the source cannot change, a mock's values are shown read-only. */
  connection?: Connection;
}) {
  const { ids, draft, errors, update, connection } = props;
  const setSection = useAppStore((s) => s.setSection);
  const candidates = props.mockIdps.filter((idp) => idp.kind === draft.kind);
  const chosen = props.mockIdps.find((idp) => idp.id === draft.mockIdp);

  if (connection?.mockIdpId) return <MockValues connection={connection} mock={chosen} />;

  const text = (
    field: keyof ConnectionDraft,
    path: string,
    label: string,
    hint: string,
    placeholder: string,
    type = 'text',
    optional = false,
  ) => {
    const error = errorAt(errors, path);
    return (
      <Field
        id={`${ids}-${field}`}
        label={label}
        error={error}
        errorTestId={`conn-error-${path}`}
        hint={hint}
        optional={optional}
      >
        <input
          {...fieldProps(`${ids}-${field}`, error)}
          type={type}
          className="fed-mono-input"
          data-testid={`conn-${field}`}
          value={String(draft[field])}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => update({ [field]: event.target.value }, path)}
        />
      </Field>
    );
  };

  // Metadata fills the IdP side; the SSO URL's binding becomes the connection's binding.
  const fillFromMetadata = (metadata: IdpMetadata) =>
    update(
      {
        idpEntityId: metadata.entityId,
        idpSsoUrl: metadata.ssoUrl,
        idpSloUrl: metadata.sloUrl ?? '',
        certificates: metadata.certificates.map((certificate) => certificate.pem.trim()).join('\n'),
        samlOptions: { ...draft.samlOptions, binding: metadata.ssoBinding },
      },
      'saml',
    );

  const mockError = errorAt(errors, 'mockIdp');
  const certError = errorAt(errors, 'saml.idpCertificates');
  return (
    <fieldset className="fed-fieldset">
      <legend>Identity provider</legend>
      {!connection && (
        <div className="fed-segmented" role="radiogroup" aria-label="Where the IdP is">
          {(
            [
              ['mock', 'Mock IdP hosted here'],
              ['real', 'A real IdP'],
            ] as const
          ).map(([source, label]) => (
            <label key={source} className={`fed-segment${draft.source === source ? ' selected' : ''}`}>
              <input
                type="radio"
                name={`${ids}-source`}
                checked={draft.source === source}
                data-testid={`conn-source-${source}`}
                onChange={() => update({ source }, 'mockIdp')}
              />
              {label}
            </label>
          ))}
        </div>
      )}

      {draft.source === 'mock' && !connection ? (
        candidates.length === 0 ? (
          <p className="fed-callout" data-testid="conn-no-mock">
            <Icon name="mock-idps" size={16} />
            <span>
              No {draft.kind.toUpperCase()} mock IdP exists yet.{' '}
              <button
                type="button"
                className="link"
                data-testid="conn-go-mock-idps"
                onClick={() => setSection('mock-idps')}
              >
                Create one in Mock IdPs
              </button>
              , or describe a real IdP.
            </span>
          </p>
        ) : (
          <Field
            id={`${ids}-mock`}
            label="Mock IdP"
            error={mockError}
            errorTestId="conn-error-mockIdp"
            hint={
              chosen
                ? `Imitates ${PRESET_INFO[chosen.preset].label} · ${chosen.personas.length} personas · its ${draft.kind === 'saml' ? 'entity ID, SSO URL and certificate' : 'issuer and a client'} are filled in for you.`
                : 'Its metadata is filled in for you.'
            }
          >
            <select
              {...fieldProps(`${ids}-mock`, mockError)}
              data-testid="conn-mock-idp"
              value={draft.mockIdp}
              onChange={(event) => update({ mockIdp: event.target.value }, 'mockIdp')}
            >
              <option value="">Choose a mock IdP…</option>
              {candidates.map((idp) => (
                <option key={idp.id} value={idp.id}>
                  {idp.name} ({PRESET_INFO[idp.preset].label})
                </option>
              ))}
            </select>
          </Field>
        )
      ) : draft.kind === 'saml' ? (
        <>
          {!connection && <MetadataImportFields ids={ids} onParsed={fillFromMetadata} />}
          {text(
            'idpEntityId',
            'saml.idpEntityId',
            'IdP entity ID',
            'The Issuer of its assertions, from its metadata.',
            'http://www.okta.com/exk1a2b3c4',
          )}
          {text(
            'idpSsoUrl',
            'saml.idpSsoUrl',
            'SSO URL',
            'Where AuthnRequests are sent (its SingleSignOnService).',
            'https://acme.okta.com/app/…/sso/saml',
          )}
          {text(
            'idpSloUrl',
            'saml.idpSloUrl',
            'SLO URL',
            'Where logout requests go (its SingleLogoutService).',
            'https://acme.okta.com/app/…/slo/saml',
            'text',
            true,
          )}
          <Field
            id={`${ids}-certs`}
            label="Signing certificates"
            error={certError}
            errorTestId="conn-error-saml.idpCertificates"
            hint="PEM, one or two (during a rollover). Check the fingerprint with the IdP admin."
          >
            <textarea
              {...fieldProps(`${ids}-certs`, certError)}
              rows={5}
              data-testid="conn-certificates"
              value={draft.certificates}
              placeholder={'-----BEGIN CERTIFICATE-----\nMIIC…\n-----END CERTIFICATE-----'}
              spellCheck={false}
              onChange={(event) => update({ certificates: event.target.value }, 'saml.idpCertificates')}
            />
          </Field>
          <CertFingerprints text={draft.certificates} testPrefix="conn-fingerprint" />
        </>
      ) : (
        <>
          {text(
            'issuer',
            'oidc.issuer',
            'Issuer',
            'Its discovery document is read from <issuer>/.well-known/openid-configuration.',
            'https://acme.okta.com',
          )}
          <div className="fed-two-fields">
            {text(
              'clientId',
              'oidc.clientId',
              'Client ID',
              'The app registered for Orgbench at the IdP.',
              '0oa1b2c3d4',
            )}
            {text(
              'clientSecret',
              'oidc.clientSecret',
              'Client secret',
              connection?.oidc?.hasClientSecret
                ? 'Stored. Type a new one to replace it.'
                : 'Leave empty for a public client (PKCE only).',
              connection?.oidc?.hasClientSecret ? '••••••••' : '',
              'password',
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}

/** The SHA-256 fingerprint of each pasted certificate, to compare with the IdP's. */
export function CertFingerprints({ text, testPrefix }: { text: string; testPrefix: string }) {
  const [prints, setPrints] = useState<(string | undefined)[]>([]);
  useEffect(() => {
    let current = true;
    void Promise.all(splitPems(text).map(sha256Fingerprint)).then((result) => current && setPrints(result));
    return () => {
      current = false;
    };
  }, [text]);
  if (prints.length === 0) return null;
  return (
    <ul className="fed-fingerprints" data-testid={`${testPrefix}s`}>
      {prints.map((print, index) => (
        <li key={index}>
          <span className="muted small">
            SHA-256 fingerprint{prints.length > 1 ? ` of certificate ${index + 1}` : ''}
          </span>
          {print ? (
            <div className="fed-value-box">
              <code data-testid={`${testPrefix}-${index}`}>{print}</code>
              <CopyButton text={print} label="fingerprint" testId={`${testPrefix}-${index}-copy`} />
            </div>
          ) : (
            <span className="field-error">not a readable certificate</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function MockValues({ connection, mock }: { connection: Connection; mock: MockIdp | undefined }) {
  // Imported metadata may point a mock-made SAML connection at another IdP.
  const replaced = mock && connection.saml && connection.saml.idpEntityId !== mock.entityId;
  const rows: [string, string, string][] = connection.saml
    ? [
        ['IdP entity ID', connection.saml.idpEntityId, 'conn-mock-entity-id'],
        ['SSO URL', connection.saml.idpSsoUrl, 'conn-mock-sso-url'],
      ]
    : connection.oidc
      ? [
          ['Issuer', connection.oidc.issuer, 'conn-mock-issuer'],
          ['Client ID at the IdP', connection.oidc.clientId, 'conn-mock-client-id'],
        ]
      : [];
  return (
    <fieldset className="fed-fieldset">
      <legend>Identity provider</legend>
      {replaced ? (
        <p className="muted small" data-testid="conn-mock-replaced">
          Created for the mock IdP <strong>{mock.name}</strong>; since replaced by imported metadata, whose signing
          certificate is trusted.
        </p>
      ) : (
        <p className="muted small">
          Filled in from the mock IdP <strong>{mock?.name ?? 'that was deleted'}</strong>
          {mock && ` (imitates ${PRESET_INFO[mock.preset].label})`}
          {connection.kind === 'saml'
            ? '; its signing certificate is trusted.'
            : ', where Orgbench is registered as a client.'}
        </p>
      )}
      <dl className="fed-values">
        {rows.map(([label, value, testId]) => (
          <CopyValue key={testId} label={label} value={value} copyLabel={label} testId={testId} />
        ))}
      </dl>
      {connection.saml && (
        <CertFingerprints text={connection.saml.idpCertificates.join('\n')} testPrefix="conn-trusted-fingerprint" />
      )}
    </fieldset>
  );
}
