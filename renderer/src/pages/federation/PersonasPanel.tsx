/**
 * A mock IdP's personas: the people one can sign in as. Add, edit and delete them one by
 * one, generate many at once, and see how a script logs in as one of them.
 */
import { useState } from 'react';
import type { Persona } from '../../../../server/model/federation';
import { deletePersona, type MockIdpDetail } from '../../api/federation-api';
import { ConfirmDialog, confirmTestIds } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { useApiClient } from '../org-detail/use-api';
import { GeneratePersonasDialog } from './GeneratePersonasDialog';
import { LoginAsCard } from './LoginAsCard';
import { PersonaDialog } from './PersonaDialog';

type Editing = { mode: 'add' } | { mode: 'edit'; persona: Persona } | undefined;

export function PersonasPanel({ idp, onChanged }: { idp: MockIdpDetail; onChanged: () => void }) {
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const [editing, setEditing] = useState<Editing>();
  const [generating, setGenerating] = useState(false);
  const [deleting, setDeleting] = useState<Persona>();
  const [loginAs, setLoginAs] = useState<string>();

  return (
    <div className="fed-stack">
      <section className="fed-card" aria-labelledby="personas-title" data-testid="personas-card">
        <div className="fed-card-head">
          <div>
            <h3 id="personas-title">Personas</h3>
            <p className="muted small">
              Anyone may sign in as any persona: the IdP page lists them (and lets you edit a login’s values on the
              way).
            </p>
          </div>
          <div className="fed-card-actions">
            <button
              type="button"
              className="button fed-small-button"
              data-testid="persona-generate"
              onClick={() => setGenerating(true)}
            >
              <Icon name="users" size={14} /> Generate…
            </button>
            <button
              type="button"
              className="button primary fed-small-button"
              data-testid="persona-add"
              onClick={() => setEditing({ mode: 'add' })}
            >
              <Icon name="plus" size={14} /> Add persona
            </button>
          </div>
        </div>

        {idp.personas.length === 0 ? (
          <p className="fed-empty-line muted" data-testid="personas-empty">
            No personas: nobody can sign in at this IdP yet.
          </p>
        ) : (
          <table className="fed-table fed-persona-table" data-testid="persona-table">
            <thead>
              <tr>
                <th scope="col">Handle</th>
                <th scope="col">Name and email</th>
                <th scope="col">Groups</th>
                <th scope="col">Attributes</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {idp.personas.map((persona) => (
                <tr key={persona.id} data-testid={`persona-row-${persona.handle}`}>
                  <td className="fed-cell-handle">
                    <code>{persona.handle}</code>
                  </td>
                  <td className="fed-cell-person">
                    <div className="fed-cell-stack">
                      <span className="fed-person-name">{persona.displayName}</span>
                      <span className="muted small fed-ellipsis">{persona.email}</span>
                    </div>
                  </td>
                  <td className="fed-cell-groups">
                    {persona.groups.length === 0 ? (
                      <span className="muted small">—</span>
                    ) : (
                      <span className="fed-chips">
                        {persona.groups.map((group) => (
                          <span key={group} className="fed-group-chip">
                            {group}
                          </span>
                        ))}
                      </span>
                    )}
                  </td>
                  <td className="fed-cell-attrs">
                    <AttributeSummary attributes={persona.attributes} />
                  </td>
                  <td className="fed-cell-actions">
                    <button
                      type="button"
                      className="icon-button fed-icon-button"
                      aria-label={`Log in as ${persona.handle}`}
                      title="Log in as…"
                      data-testid={`persona-login-${persona.handle}`}
                      onClick={() => {
                        setLoginAs(persona.handle);
                        document
                          .getElementById('login-as-card')
                          ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
                      }}
                    >
                      <Icon name="code" size={16} />
                    </button>
                    <button
                      type="button"
                      className="icon-button fed-icon-button"
                      aria-label={`Edit ${persona.handle}`}
                      title="Edit"
                      data-testid={`persona-edit-${persona.handle}`}
                      onClick={() => setEditing({ mode: 'edit', persona })}
                    >
                      <Icon name="pencil" size={16} />
                    </button>
                    <button
                      type="button"
                      className="icon-button fed-icon-button danger"
                      aria-label={`Delete ${persona.handle}`}
                      title="Delete"
                      data-testid={`persona-delete-${persona.handle}`}
                      onClick={() => setDeleting(persona)}
                    >
                      <Icon name="trash" size={16} />
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <LoginAsCard idp={idp} handle={loginAs ?? idp.personas[0]?.handle} onHandle={setLoginAs} />

      {editing && (
        <PersonaDialog
          idp={idp}
          persona={editing.mode === 'edit' ? editing.persona : undefined}
          onSaved={onChanged}
          onClose={() => setEditing(undefined)}
        />
      )}
      {generating && <GeneratePersonasDialog idp={idp} onGenerated={onChanged} onClose={() => setGenerating(false)} />}
      {deleting && (
        <ConfirmDialog
          title={`Delete the persona “${deleting.handle}”?`}
          confirmLabel="Delete persona"
          busyLabel="Deleting…"
          danger
          testIds={confirmTestIds('persona-delete-dialog')}
          onConfirm={async () => {
            await deletePersona(client, idp.id, deleting.id);
            notify('success', `Deleted the persona ${deleting.handle}.`);
            onChanged();
          }}
          onClose={() => setDeleting(undefined)}
        >
          <p>
            {deleting.displayName} (<code>{deleting.email}</code>) can no longer sign in at {idp.name}. Users already
            created from this persona stay in Orgbench.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}

function AttributeSummary({ attributes }: { attributes: Persona['attributes'] }) {
  const names = Object.keys(attributes);
  if (names.length === 0) return <span className="muted small">—</span>;
  const text = Object.entries(attributes)
    .map(([name, value]) => `${name} = ${Array.isArray(value) ? value.join(', ') : value}`)
    .join('\n');
  return (
    <span className="fed-attr-summary" title={text}>
      {names.slice(0, 2).map((name) => (
        <code key={name}>{name}</code>
      ))}
      {names.length > 2 && <span className="muted small">+{names.length - 2}</span>}
    </span>
  );
}
