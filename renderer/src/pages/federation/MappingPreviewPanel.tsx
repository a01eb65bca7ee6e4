/**
 * The Preview tab of a connection: pick a persona of its mock IdP (or paste what an IdP
 * sends as JSON) and see who they would become — without signing in or writing anything.
 */
import { useCallback, useId, useState } from 'react';
import type { Connection, MockIdp } from '../../../../server/model/federation';
import type { MappingPreview, PreviewInput } from '../../../../server/model/mapping-preview';
import { previewMapping } from '../../api/federation-api';
import { Field, fieldProps } from '../applications/Field';
import { useApiClient, useResource } from '../org-detail/use-api';
import { FormError } from './FedParts';
import { errorAt, failureOf, type PathErrors } from './path-errors';
import { parsePastedAttributes } from './preview-copy';
import { PreviewResult } from './PreviewResult';
import './preview.css';

const SAMPLE = JSON.stringify({ email: 'someone@example.test', name: 'Some One', groups: ['Everyone'] }, null, 2);

export function MappingPreviewPanel({ connection, mockIdp }: { connection: Connection; mockIdp: MockIdp | undefined }) {
  const client = useApiClient();
  const ids = useId();
  const personas = mockIdp?.personas ?? [];
  const [mode, setMode] = useState<'persona' | 'paste'>(personas.length > 0 ? 'persona' : 'paste');
  const [persona, setPersona] = useState(personas[0]?.handle ?? '');
  const [subject, setSubject] = useState('');
  const [attributes, setAttributes] = useState(SAMPLE);
  const [errors, setErrors] = useState<PathErrors>({});
  const [message, setMessage] = useState<string>();
  const [pasted, setPasted] = useState<MappingPreview>();
  const [running, setRunning] = useState(false);

  // A persona previews as soon as it is picked.
  const personaPreview = useResource(
    useCallback(
      () =>
        mode === 'persona' && persona ? previewMapping(client, connection.id, { persona }) : Promise.resolve(undefined),
      [client, connection.id, mode, persona],
    ),
  );

  const run = async (input: PreviewInput) => {
    setRunning(true);
    setMessage(undefined);
    setErrors({});
    try {
      setPasted(await previewMapping(client, connection.id, input));
    } catch (error) {
      const failure = failureOf(error);
      setErrors(failure.errors);
      setMessage(failure.message ?? (error as Error).message);
      setPasted(undefined);
    } finally {
      setRunning(false);
    }
  };

  const submitPasted = () => {
    const parsed = parsePastedAttributes(attributes);
    const found: Record<string, string> = {};
    if (!subject.trim()) found.subject = 'give the subject the IdP sends (NameID or sub)';
    if (!parsed.ok) found.attributes = parsed.message;
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.ok) return;
    void run({ subject: subject.trim(), attributes: parsed.value });
  };

  const result = mode === 'persona' ? personaPreview.data : pasted;
  const subjectError = errorAt(errors, 'subject');
  const attributesError = errorAt(errors, 'attributes');
  return (
    <section className="fed-card fed-preview" aria-labelledby={`${ids}-title`} data-testid="conn-preview">
      <div className="fed-card-head">
        <div>
          <h3 id={`${ids}-title`}>Preview</h3>
          <p className="muted small">Who a sign-in would become, with these settings — nothing is saved.</p>
        </div>
      </div>
      <div className="fed-segmented" role="radiogroup" aria-label="What to preview">
        {(
          [
            ['persona', 'Persona'],
            ['paste', 'Paste attributes'],
          ] as const
        ).map(([id, label]) => (
          <label key={id} className={`fed-segment${mode === id ? ' selected' : ''}`}>
            <input
              type="radio"
              name={`${ids}-mode`}
              checked={mode === id}
              disabled={id === 'persona' && personas.length === 0}
              data-testid={`conn-preview-mode-${id}`}
              onChange={() => setMode(id)}
            />
            {label}
          </label>
        ))}
      </div>

      {mode === 'persona' ? (
        <Field
          id={`${ids}-persona`}
          label={`Persona of ${mockIdp?.name ?? 'the mock IdP'}`}
          error={undefined}
          errorTestId="conn-preview-error-persona"
        >
          <select
            {...fieldProps(`${ids}-persona`, undefined)}
            data-testid="conn-preview-persona"
            value={persona}
            onChange={(event) => setPersona(event.target.value)}
          >
            {personas.map((candidate) => (
              <option key={candidate.id} value={candidate.handle}>
                {candidate.displayName} ({candidate.handle})
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <div className="fed-preview-paste">
          <Field
            id={`${ids}-subject`}
            label={connection.kind === 'saml' ? 'Subject (NameID)' : 'Subject (sub)'}
            error={subjectError}
            errorTestId="conn-preview-error-subject"
          >
            <input
              {...fieldProps(`${ids}-subject`, subjectError)}
              className="fed-mono-input"
              data-testid="conn-preview-subject"
              value={subject}
              placeholder="00u1a2b3c4d5"
              spellCheck={false}
              onChange={(event) => setSubject(event.target.value)}
            />
          </Field>
          <Field
            id={`${ids}-attributes`}
            label={connection.kind === 'saml' ? 'Attributes (JSON)' : 'Claims (JSON)'}
            error={attributesError}
            errorTestId="conn-preview-error-attributes"
            hint="Names as the IdP sends them; a value is a string or a list of strings."
          >
            <textarea
              {...fieldProps(`${ids}-attributes`, attributesError)}
              rows={6}
              className="fed-mono-input"
              data-testid="conn-preview-attributes"
              value={attributes}
              spellCheck={false}
              onChange={(event) => setAttributes(event.target.value)}
            />
          </Field>
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              data-testid="conn-preview-run"
              disabled={running}
              onClick={submitPasted}
            >
              {running ? 'Previewing…' : 'Preview'}
            </button>
          </div>
        </div>
      )}
      <FormError
        message={mode === 'persona' ? personaPreview.error : Object.keys(errors).length > 0 ? undefined : message}
        testId="conn-preview-error"
      />
      {result && <PreviewResult preview={result} />}
    </section>
  );
}
