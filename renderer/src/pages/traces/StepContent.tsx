/**
 * The decoded content of one step: XML pretty-printed and coloured with what was signed
 * and encrypted, JWTs split into header and claims, anything else as JSON.
 */
import type { TraceStep } from '../../../../server/model/federation';
import { CopyButton } from '../../components/CopyButton';
import { Icon, type IconName } from '../../components/icons';
import {
  contentBlocks,
  prettyJson,
  securityBadges,
  xmlTokens,
  type ContentBlock,
  type SecurityBadge,
} from './step-content';
import { formatMs, LANE_LABELS } from './trace-diagram';
import { timeOfDay } from './trace-format';

/** A lock for encryption, a shield for signatures; open or questioning when absent. */
const badgeIcon = (badge: SecurityBadge): IconName =>
  badge.id === 'encrypted'
    ? badge.tone === 'ok'
      ? 'lock'
      : 'unlock'
    : badge.tone === 'ok'
      ? 'shield-check'
      : 'shield-question';

const STATUS_LABELS: Record<TraceStep['status'], string> = { ok: 'Passed', fail: 'Failed', info: 'Info' };

export function StepContent({ step }: { step: TraceStep | undefined }) {
  if (!step) {
    return (
      <p className="tr-step-hint muted small" data-testid="trace-step-hint">
        <Icon name="code" size={14} /> Click an arrow (or focus it and press Enter) to see what was sent, decoded.
      </p>
    );
  }
  const blocks = contentBlocks(step.detail);
  const badges = securityBadges(step.detail);
  return (
    <section
      className={`tr-step-content tr-step-content-${step.status}`}
      aria-label={`Step ${step.seq}`}
      data-testid="trace-step-detail"
    >
      <header className="tr-step-head">
        <span className={`tr-status tr-status-${step.status}`}>{STATUS_LABELS[step.status]}</span>
        <h4>
          <span className="muted">{step.seq}.</span> {step.title}
        </h4>
      </header>
      <p className="tr-step-meta muted small">
        {LANE_LABELS[step.from]} → {LANE_LABELS[step.to]} · {timeOfDay(step.at)}
        {step.durationMs !== null && step.durationMs > 0 && ` · took ${formatMs(step.durationMs)}`}
        {step.rule && (
          <>
            {' · rule '}
            <code className="tr-rule">{step.rule}</code>
          </>
        )}
      </p>
      {badges.length > 0 && (
        <p className="tr-badges" data-testid="trace-step-security">
          {badges.map((badge) => (
            <span key={badge.id} className={`tr-badge tr-badge-${badge.tone}`}>
              <Icon name={badgeIcon(badge)} size={13} />
              {badge.label}
            </span>
          ))}
        </p>
      )}
      {blocks.length === 0 ? (
        <p className="muted small">Nothing was recorded for this step.</p>
      ) : (
        blocks.map((block, index) => <Block key={index} block={block} />)
      )}
    </section>
  );
}

function Block({ block }: { block: ContentBlock }) {
  if (block.kind === 'xml') {
    return (
      <div className="tr-block" data-testid={`trace-block-xml-${block.key}`}>
        <BlockHead title={block.key} kind="XML" copy={block.text} />
        <pre className="tr-code tr-xml">
          <code>
            {xmlTokens(block.text).map((token, index) =>
              token.kind === 'text' ? (
                token.text
              ) : (
                <span key={index} className={`tr-xml-${token.kind}`}>
                  {token.text}
                </span>
              ),
            )}
          </code>
        </pre>
      </div>
    );
  }
  if (block.kind === 'jwt') {
    return (
      <div className="tr-block" data-testid={`trace-block-jwt-${block.key}`}>
        <BlockHead title={block.key} kind="JWT, decoded (not verified here)" copy={block.raw} />
        <div className="tr-jwt">
          <div>
            <span className="tr-jwt-part">Header</span>
            <pre className="tr-code">
              <code>{prettyJson(block.header)}</code>
            </pre>
          </div>
          <div>
            <span className="tr-jwt-part">Claims</span>
            <pre className="tr-code" data-testid={`trace-jwt-claims-${block.key}`}>
              <code>{prettyJson(block.claims)}</code>
            </pre>
          </div>
        </div>
      </div>
    );
  }
  return (
    <div className="tr-block" data-testid="trace-block-json">
      <BlockHead title="Details" kind="JSON" copy={prettyJson(block.value)} />
      <pre className="tr-code">
        <code>{prettyJson(block.value)}</code>
      </pre>
    </div>
  );
}

function BlockHead({ title, kind, copy }: { title: string; kind: string; copy: string }) {
  return (
    <div className="tr-block-head">
      <span>
        <code className="tr-block-key">{title}</code> <span className="muted small">{kind}</span>
      </span>
      <CopyButton text={copy} label={title} testId={`trace-copy-${title}`} />
    </div>
  );
}
