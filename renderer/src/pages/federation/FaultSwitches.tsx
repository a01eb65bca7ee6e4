/**
 * A mock IdP's fault switches: every fault that applies to its protocol, each explained in
 * one line, switched on for the next login only or for every login until switched off.
 * The faults on now are listed first, each with a remove button.
 */
import { useState } from 'react';
import type { ActiveFault, FaultName } from '../../../../server/model/federation';
import { addFault, removeFault, type FaultInfo, type MockIdpDetail } from '../../api/federation-api';
import { Icon } from '../../components/icons';
import { useAppStore } from '../../store/app-store';
import { useApiClient } from '../org-detail/use-api';
import { FaultChip } from './FedParts';
import { FAULT_AMOUNTS, FAULT_HELP, faultsFor } from './fault-copy';
import { errorAt, failureOf } from './path-errors';

type Mode = ActiveFault['mode'];

interface Choice {
  mode: Mode;
  amount: string;
}

export function FaultSwitches(props: { idp: MockIdpDetail; catalogue: FaultInfo[]; onChanged: () => void }) {
  const { idp } = props;
  const client = useApiClient();
  const notify = useAppStore((s) => s.notify);
  const [choices, setChoices] = useState<Partial<Record<FaultName, Choice>>>({});
  const [busy, setBusy] = useState<FaultName>();
  const [errors, setErrors] = useState<Partial<Record<FaultName, string>>>({});
  // A switch shows where it was flipped to until the IdP's faults are loaded again.
  const [flipped, setFlipped] = useState<{ basis: ActiveFault[]; to: Partial<Record<FaultName, boolean>> }>();
  const applicable = faultsFor(props.catalogue, idp.kind);
  const isOn = (name: FaultName) =>
    (flipped?.basis === idp.faults ? flipped.to[name] : undefined) ?? idp.faults.some((fault) => fault.fault === name);
  const flip = (name: FaultName, on: boolean) =>
    setFlipped((current) => ({
      basis: idp.faults,
      to: { ...(current?.basis === idp.faults ? current.to : {}), [name]: on },
    }));

  const choiceOf = (name: FaultName): Choice => {
    const active = idp.faults.find((fault) => fault.fault === name);
    const chosen = choices[name];
    return {
      mode: chosen?.mode ?? active?.mode ?? 'next',
      amount: chosen?.amount ?? String(active?.amount ?? FAULT_AMOUNTS[name]?.initial ?? ''),
    };
  };

  /** Runs one change to a fault; errors land beside that fault's switch. */
  const run = async (name: FaultName, change: () => Promise<void>) => {
    setBusy(name);
    setErrors((current) => ({ ...current, [name]: undefined }));
    try {
      await change();
      props.onChanged();
    } catch (error) {
      setFlipped((current) => current && { ...current, to: { ...current.to, [name]: undefined } });
      const failure = failureOf(error);
      setErrors((current) => ({
        ...current,
        [name]: errorAt(failure.errors, 'amount') ?? errorAt(failure.errors, 'fault') ?? failure.message,
      }));
    } finally {
      setBusy(undefined);
    }
  };

  const switchOn = (name: FaultName, choice: Choice) => {
    flip(name, true);
    return run(name, async () => {
      const spec = FAULT_AMOUNTS[name];
      const amount = spec ? Number(choice.amount) : undefined;
      if (spec && (choice.amount.trim() === '' || !Number.isInteger(amount))) {
        throw new Error(`${spec.label}: give a whole number.`);
      }
      // Replaces an active switch of the same fault, so changing the mode is one step.
      for (const fault of idp.faults.filter((candidate) => candidate.fault === name)) {
        await removeFault(client, idp.id, fault.id);
      }
      await addFault(client, idp.id, { fault: name, mode: choice.mode, ...(amount !== undefined ? { amount } : {}) });
      notify('success', `${name} is on ${choice.mode === 'next' ? 'for the next login' : 'for every login'}.`);
    });
  };

  const switchOff = (name: FaultName) => {
    flip(name, false);
    return run(name, async () => {
      for (const fault of idp.faults.filter((candidate) => candidate.fault === name)) {
        await removeFault(client, idp.id, fault.id);
      }
      notify('success', `${name} is off.`);
    });
  };

  const choose = (name: FaultName, patch: Partial<Choice>) => {
    const next = { ...choiceOf(name), ...patch };
    setChoices((current) => ({ ...current, [name]: next }));
    return next;
  };

  return (
    <div className="fed-stack">
      <section className="fed-card" aria-labelledby="active-faults-title" data-testid="active-faults">
        <h3 id="active-faults-title">On now</h3>
        {idp.faults.length === 0 ? (
          <p className="fed-empty-line muted" data-testid="active-faults-none">
            <Icon name="shield-check" size={16} /> No faults: {idp.name} answers correctly.
          </p>
        ) : (
          <ul className="fed-active-faults">
            {idp.faults.map((fault) => (
              <li key={fault.id} data-testid={`active-fault-${fault.fault}`}>
                <FaultChip fault={fault} />
                <span className="muted small fed-ellipsis">{FAULT_HELP[fault.fault]}</span>
                <button
                  type="button"
                  className="button fed-small-button"
                  data-testid={`active-fault-remove-${fault.fault}`}
                  disabled={busy === fault.fault}
                  onClick={() =>
                    void run(fault.fault, async () => {
                      await removeFault(client, idp.id, fault.id);
                      notify('success', `${fault.fault} is off.`);
                    })
                  }
                >
                  <Icon name="close" size={14} /> Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        {idp.faults.some((fault) => fault.mode === 'next') && (
          <p className="muted small fed-note">A “next login” fault is used up by the next login at this IdP.</p>
        )}
      </section>

      <section className="fed-card" aria-labelledby="fault-switches-title" data-testid="fault-switches">
        <h3 id="fault-switches-title">Fault switches</h3>
        <p className="muted small fed-card-intro">
          Break the answers of {idp.name} the way real IdPs do, to see your app (and Orgbench’s trace) reject them.
        </p>
        <ul className="fed-fault-list">
          {applicable.map((info) => {
            const name = info.name;
            const active = isOn(name);
            const choice = choiceOf(name);
            const spec = FAULT_AMOUNTS[name];
            const error = errors[name];
            const switchId = `fault-${name}`;
            return (
              <li key={name} className={`fed-fault-row${active ? ' active' : ''}`} data-testid={`fault-row-${name}`}>
                <div className="fed-switch">
                  <input
                    id={switchId}
                    type="checkbox"
                    role="switch"
                    checked={active}
                    disabled={busy === name}
                    aria-describedby={`${switchId}-help`}
                    data-testid={`fault-toggle-${name}`}
                    onChange={(event) => void (event.target.checked ? switchOn(name, choice) : switchOff(name))}
                  />
                  <span className="fed-switch-text">
                    <label htmlFor={switchId}>
                      {info.label} <code className="fed-fault-name">{name}</code>
                    </label>
                    <span className="muted small" id={`${switchId}-help`}>
                      {FAULT_HELP[name]}
                    </span>
                  </span>
                </div>
                <div className="fed-fault-controls">
                  {spec && (
                    <label className="fed-amount">
                      <span className="visually-hidden">{spec.label}</span>
                      <input
                        type="number"
                        min={spec.min}
                        max={spec.max}
                        value={choice.amount}
                        aria-invalid={error ? true : undefined}
                        data-testid={`fault-amount-${name}`}
                        onChange={(event) => choose(name, { amount: event.target.value })}
                        onBlur={() => {
                          if (active && choice.amount !== String(idp.faults.find((f) => f.fault === name)?.amount)) {
                            void switchOn(name, choice);
                          }
                        }}
                      />
                      <span className="muted small">{spec.unit}</span>
                    </label>
                  )}
                  <div className="fed-mode" role="radiogroup" aria-label={`When ${name} applies`}>
                    {(['next', 'always'] as const).map((mode) => (
                      <button
                        key={mode}
                        type="button"
                        role="radio"
                        aria-checked={choice.mode === mode}
                        className={`fed-mode-option${choice.mode === mode ? ' selected' : ''}`}
                        data-testid={`fault-mode-${name}-${mode}`}
                        disabled={busy === name}
                        onClick={() => {
                          const next = choose(name, { mode });
                          if (active && next.mode !== idp.faults.find((f) => f.fault === name)?.mode)
                            void switchOn(name, next);
                        }}
                      >
                        {mode === 'next' ? 'Next login' : 'Always'}
                      </button>
                    ))}
                  </div>
                </div>
                {error && (
                  <p className="field-error fed-fault-error" role="alert" data-testid={`fault-error-${name}`}>
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
