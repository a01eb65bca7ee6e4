/** The variables a kind of message may use, from the server's catalog; a click inserts one at the cursor. */
import type { TemplateVariable } from '../../../../../server/model/notification';

export function VariableList({ variables, onInsert }: { variables: TemplateVariable[]; onInsert(name: string): void }) {
  return (
    <section className="ntf-card ntf-variables" aria-labelledby="ntf-variables-title" data-testid="ntf-variables">
      <h3 id="ntf-variables-title">Variables</h3>
      <p className="muted small ntf-card-intro">
        Click one to insert it where the cursor is. Anything else is refused on save.
      </p>
      <ul>
        {variables.map((variable) => (
          <li key={variable.name}>
            <button
              type="button"
              className="row-button ntf-variable"
              onClick={() => onInsert(variable.name)}
              title={`Insert {{${variable.name}}}`}
              data-testid={`ntf-var-${variable.name}`}
            >
              <code>{`{{${variable.name}}}`}</code>
              <span className="ntf-variable-text">
                {variable.description}
                <span className="muted"> · e.g. {variable.example}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
