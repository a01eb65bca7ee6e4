/** The trace list's filters: organization, connection, persona handle and outcome. */
import { useId } from 'react';
import type { Connection } from '../../../../server/model/federation';
import type { Organization } from '../../../../server/model/organization';
import type { TraceOutcome } from '../../api/traces-api';
import { OUTCOME_LABELS } from './trace-format';

export interface FilterDraft {
  org: string;
  connection: string;
  persona: string;
  outcome: TraceOutcome | '';
}

export function TraceFiltersBar(props: {
  value: FilterDraft;
  onChange: (next: FilterDraft) => void;
  orgs: readonly Organization[];
  /** Undefined when the panel is fixed to one connection (the filter is hidden). */
  connections: readonly Connection[] | undefined;
}) {
  const { value, onChange } = props;
  const ids = useId();
  const set = (patch: Partial<FilterDraft>) => onChange({ ...value, ...patch });
  const orgName = (id: string) => props.orgs.find((org) => org.id === id)?.name ?? id;

  return (
    <div className="tr-filters" role="group" aria-label="Filter traces">
      <div className="tr-filter">
        <label htmlFor={`${ids}-org`}>Organization</label>
        <select
          id={`${ids}-org`}
          data-testid="traces-filter-org"
          value={value.org}
          onChange={(e) => set({ org: e.target.value })}
        >
          <option value="">All</option>
          {props.orgs.map((org) => (
            <option key={org.id} value={org.id}>
              {org.name}
            </option>
          ))}
        </select>
      </div>
      {props.connections && (
        <div className="tr-filter">
          <label htmlFor={`${ids}-connection`}>Connection</label>
          <select
            id={`${ids}-connection`}
            data-testid="traces-filter-connection"
            value={value.connection}
            onChange={(e) => set({ connection: e.target.value })}
          >
            <option value="">All</option>
            {props.connections.map((connection) => (
              <option key={connection.id} value={connection.id}>
                {connection.name} · {orgName(connection.orgId)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="tr-filter">
        <label htmlFor={`${ids}-persona`}>Persona</label>
        <input
          id={`${ids}-persona`}
          type="search"
          data-testid="traces-filter-persona"
          placeholder="handle"
          spellCheck={false}
          value={value.persona}
          onChange={(e) => set({ persona: e.target.value })}
        />
      </div>
      <div className="tr-filter">
        <label htmlFor={`${ids}-outcome`}>Outcome</label>
        <select
          id={`${ids}-outcome`}
          data-testid="traces-filter-outcome"
          value={value.outcome}
          onChange={(e) => set({ outcome: e.target.value as FilterDraft['outcome'] })}
        >
          <option value="">All</option>
          {(Object.keys(OUTCOME_LABELS) as TraceOutcome[]).map((outcome) => (
            <option key={outcome} value={outcome}>
              {OUTCOME_LABELS[outcome]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
