// The trace view's pure parts: the sequence diagram's layout, how a step's content is
// split into XML, JWT and JSON, and when the list keeps refreshing.
import { describe, expect, it } from 'vitest';
import type { TraceStep } from '../../server/model/federation';
import {
  DEFAULT_METRICS,
  MIN_DIAGRAM_WIDTH,
  fitText,
  formatMs,
  labelRoom,
  laneXs,
  layoutDiagram,
  moveSelection,
  stepGaps,
  tagText,
} from '../../renderer/src/pages/traces/trace-diagram';
import {
  contentBlocks,
  looksLikeJwt,
  looksLikeXml,
  securityBadges,
  xmlTokens,
} from '../../renderer/src/pages/traces/step-content';
import { hasLivePending, PENDING_STALE_MS, traceDuration } from '../../renderer/src/pages/traces/trace-format';

const step = (over: Partial<TraceStep> & Pick<TraceStep, 'from' | 'to'>): TraceStep => ({
  seq: 1,
  at: '2026-01-01T10:00:00.000Z',
  title: 'A step',
  status: 'ok',
  rule: null,
  detail: null,
  durationMs: null,
  ...over,
});

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const JWT = `${b64url({ alg: 'RS256', kid: 'k1' })}.${b64url({ sub: 'u1', iss: 'https://idp.test' })}.c2ln`;

describe('lane positions', () => {
  it('puts the four lifelines in equal columns right of the gutter, in protocol order', () => {
    const xs = laneXs(856);
    // (856 - 56 - 8) / 4 = 198 per column
    expect(xs).toEqual({ browser: 155, app: 353, orgbench: 551, idp: 749 });
  });

  it('never squeezes below the minimum width', () => {
    expect(laneXs(200)).toEqual(laneXs(MIN_DIAGRAM_WIDTH));
    expect(layoutDiagram([], 200).width).toBe(MIN_DIAGRAM_WIDTH);
  });
});

describe('layoutDiagram', () => {
  const steps: TraceStep[] = [
    step({ seq: 1, from: 'app', to: 'orgbench', title: 'Authorization request' }),
    step({
      seq: 2,
      at: '2026-01-01T10:00:00.026Z',
      from: 'orgbench',
      to: 'orgbench',
      rule: 'organization',
      title: 'Organization',
    }),
    step({ seq: 3, at: '2026-01-01T10:00:01.526Z', from: 'idp', to: 'browser', status: 'fail', title: 'Back' }),
  ];
  const layout = layoutDiagram(steps, 856);
  const [request, check, back] = layout.steps;

  it('gives each step its own row below the lane header', () => {
    expect(layout.steps.map((s) => s.top)).toEqual([44, 102, 160]);
    expect(layout.lifelineBottom).toBe(44 + 3 * DEFAULT_METRICS.rowHeight);
    expect(layout.height).toBe(layout.lifelineBottom + DEFAULT_METRICS.footer);
  });

  it('draws an arrow from the sender lane to the receiver lane, stopping short for the arrowhead', () => {
    expect(request).toMatchObject({ kind: 'right', x1: 353, x2: 551, arrowY: 72 });
    expect(request?.path).toBe('M 353 72 H 549');
    expect(back).toMatchObject({ kind: 'left', x1: 749, x2: 155, status: 'fail' });
    expect(back?.path).toBe('M 749 188 H 157');
  });

  it('draws a check on one lane as a loop that returns to its lifeline', () => {
    expect(check?.kind).toBe('self');
    expect(check?.path).toBe('M 551 124 H 585 V 136 H 553');
  });

  it('centres the title over the arrow and the rule tag under it', () => {
    expect(request?.label).toMatchObject({ text: 'Authorization request', x: 452, truncated: false });
    expect(request?.label.y).toBe(44 + DEFAULT_METRICS.labelOffset);
    expect(request?.tag).toBeNull();
    expect(check?.tag?.text).toBe('organization');
    expect(check?.tag?.y).toBe(102 + DEFAULT_METRICS.tagOffset);
  });

  it('shows the time since the previous step in the gutter', () => {
    expect(layout.steps.map((s) => s.gap)).toEqual([null, '+26 ms', '+1.5 s']);
  });

  it('keeps a long title inside the diagram: cut with an ellipsis and shifted in from the edge', () => {
    const long = 'Password refused for a-very-long-address@customer-with-a-long-domain.example (wrong password)';
    const [laid] = layoutDiagram([step({ from: 'idp', to: 'idp', title: long })], 460).steps;
    const label = laid?.label;
    expect(label?.truncated).toBe(true);
    expect(label?.text.endsWith('…')).toBe(true);
    const right = 460 - DEFAULT_METRICS.padRight;
    expect((label?.x ?? 0) + (label?.width ?? 0) / 2).toBeLessThanOrEqual(right + 0.001);
    expect((label?.x ?? 0) - (label?.width ?? 0) / 2).toBeGreaterThanOrEqual(DEFAULT_METRICS.gutter);
  });

  it('cuts a long title to the lanes its arrow spans, not past them', () => {
    // At 856 px the lifelines are at 155, 353, 551 and 749; the diagram ends at 848.
    const title =
      'SAML AuthnRequest (HTTP-Redirect) to http://127.0.0.1:44199/mock/saml/acme-okta/sso?SAMLRequest=fZJBT4NAEIX%2F';
    const [toIdp, check, fromApp] = layoutDiagram(
      [
        step({ seq: 1, from: 'orgbench', to: 'idp', title }),
        step({ seq: 2, from: 'orgbench', to: 'orgbench', title }),
        step({ seq: 3, from: 'browser', to: 'app', title }),
      ],
      856,
    ).steps;
    const budget = (room: number) => Math.floor(room / DEFAULT_METRICS.charWidth);
    // Orgbench → IdP may use from just right of App's lifeline to the diagram's right edge.
    expect(toIdp?.label.text).toHaveLength(budget(848 - (353 + 6)));
    // A check on Orgbench stays between App's and IdP's lifelines.
    expect(check?.label.text).toHaveLength(budget(749 - 6 - (353 + 6)));
    // Browser → App may not reach Orgbench's lifeline.
    expect(fromApp?.label.text).toHaveLength(budget(551 - 6 - 58));
    for (const laid of [toIdp, check, fromApp]) {
      expect(laid?.label.truncated).toBe(true);
      expect(laid?.label.text.endsWith('…')).toBe(true);
      expect(title.startsWith(laid?.label.text.slice(0, -1) ?? '')).toBe(true);
    }
    const edges = (laid: typeof check) => [
      (laid?.label.x ?? 0) - (laid?.label.width ?? 0) / 2,
      (laid?.label.x ?? 0) + (laid?.label.width ?? 0) / 2,
    ];
    expect(edges(check)[0]).toBeGreaterThanOrEqual(353 + 6);
    expect(edges(check)[1]).toBeLessThanOrEqual(749 - 6);
    expect(edges(fromApp)[1]).toBeLessThanOrEqual(551 - 6);
  });

  it('leaves a title that fits its lanes whole', () => {
    const [laid] = layoutDiagram([step({ from: 'orgbench', to: 'orgbench', title: 'Audience is this SP' })], 856).steps;
    expect(laid?.label).toMatchObject({ text: 'Audience is this SP', truncated: false });
  });

  it('gives a title the stretch between the lifelines beside its arrow', () => {
    const xs = [155, 353, 551, 749];
    const bounds = { left: 58, right: 848 };
    expect(labelRoom(353, 551, xs, bounds)).toEqual({ left: 161, right: 743 });
    expect(labelRoom(749, 155, xs, bounds)).toEqual(bounds);
    expect(labelRoom(551, 551, xs, bounds)).toEqual({ left: 359, right: 743 });
  });

  it('keeps room for one row when there are no steps yet', () => {
    const empty = layoutDiagram([], 600);
    expect(empty.steps).toEqual([]);
    expect(empty.lifelineBottom).toBe(DEFAULT_METRICS.headerHeight + DEFAULT_METRICS.rowHeight);
    expect(empty.lanes.map((lane) => lane.label)).toEqual(['Browser', 'App', 'Orgbench', 'IdP']);
  });
});

describe('text and time helpers', () => {
  it('fits text to a width', () => {
    expect(fitText('short', 100, 10)).toEqual({ text: 'short', truncated: false });
    expect(fitText('abcdefghijkl', 60, 10)).toEqual({ text: 'abcde…', truncated: true });
  });

  it('formats spans of milliseconds', () => {
    expect([0, 26, 999, 1234, 14_400, 190_000, 7_200_000].map(formatMs)).toEqual([
      '0 ms',
      '26 ms',
      '999 ms',
      '1.2 s',
      '14 s',
      '3 min',
      '2.0 h',
    ]);
  });

  it('measures gaps between steps, ignoring unreadable dates', () => {
    expect(stepGaps([{ at: '2026-01-01T00:00:00Z' }, { at: '2026-01-01T00:00:02Z' }, { at: 'nope' }])).toEqual([
      null,
      2000,
      null,
    ]);
  });

  it('tags a step with its rule and how long it took', () => {
    expect(tagText({ rule: 'saml_audience', durationMs: null })).toBe('saml_audience');
    expect(tagText({ rule: 'tokens', durationMs: 120 })).toBe('tokens · 120 ms');
    expect(tagText({ rule: null, durationMs: 0 })).toBeNull();
    expect(tagText({ rule: null, durationMs: 40 })).toBe('40 ms');
  });

  it('moves the keyboard selection within the steps', () => {
    expect(moveSelection(0, undefined, 1)).toBeUndefined();
    expect(moveSelection(3, undefined, 1)).toBe(0);
    expect(moveSelection(3, undefined, -1)).toBe(2);
    expect(moveSelection(3, 2, 1)).toBe(2);
    expect(moveSelection(3, 0, -1)).toBe(0);
  });
});

describe('step content', () => {
  it('recognises XML and JWTs', () => {
    expect(looksLikeXml('  <samlp:Response ID="_1">\n</samlp:Response>\n')).toBe(true);
    expect(looksLikeXml('a < b > c')).toBe(false);
    expect(looksLikeJwt(JWT)).toBe(true);
    expect(looksLikeJwt('abc.def.ghi')).toBe(false);
  });

  it('splits a detail into XML, decoded JWT and the rest as JSON', () => {
    const blocks = contentBlocks({
      xml: '<Response/>',
      id_token: JWT,
      responseSigned: true,
      relayState: null,
      issued: ['id_token'],
    });
    expect(blocks).toEqual([
      { kind: 'xml', key: 'xml', text: '<Response/>' },
      {
        kind: 'jwt',
        key: 'id_token',
        raw: JWT,
        header: { alg: 'RS256', kid: 'k1' },
        claims: { sub: 'u1', iss: 'https://idp.test' },
      },
      { kind: 'json', value: { relayState: null, issued: ['id_token'] } },
    ]);
    expect(contentBlocks(null)).toEqual([]);
  });

  it('turns SAML signature and encryption flags into badges', () => {
    expect(securityBadges({ responseSigned: false, assertionSigned: true, encrypted: false })).toEqual([
      { id: 'responseSigned', label: 'Response not signed', tone: 'neutral' },
      { id: 'assertionSigned', label: 'Assertion signed', tone: 'ok' },
      { id: 'encrypted', label: 'Not encrypted', tone: 'neutral' },
    ]);
    expect(securityBadges({ assertionSigned: null, encrypted: true })).toEqual([
      { id: 'encrypted', label: 'Assertion encrypted', tone: 'ok' },
    ]);
    expect(securityBadges({ grantId: 'x' })).toEqual([]);
  });

  it('colours XML without changing a character', () => {
    const xml =
      '<?xml version="1.0"?>\n<saml:Assertion ID="_a" Version=\'2.0\'>\n  <!-- c -->\n  <saml:Issuer>idp</saml:Issuer>\n</saml:Assertion>';
    const tokens = xmlTokens(xml);
    expect(tokens.map((token) => token.text).join('')).toBe(xml);
    expect(tokens.filter((token) => token.kind === 'tag').map((token) => token.text)).toEqual([
      'saml:Assertion',
      'saml:Issuer',
      'saml:Issuer',
      'saml:Assertion',
    ]);
    expect(tokens.filter((token) => token.kind === 'attr').map((token) => token.text)).toEqual(['ID', 'Version']);
    expect(tokens.filter((token) => token.kind === 'value').map((token) => token.text)).toEqual(['"_a"', "'2.0'"]);
    expect(tokens.filter((token) => token.kind === 'comment')).toHaveLength(2);
  });
});

describe('live refresh', () => {
  const now = Date.parse('2026-01-01T10:00:00Z');
  it('keeps refreshing while a recent login is under way, not for abandoned ones', () => {
    const recent = { outcome: 'pending' as const, startedAt: '2026-01-01T09:59:50Z' };
    const abandoned = { outcome: 'pending' as const, startedAt: new Date(now - PENDING_STALE_MS - 1).toISOString() };
    const done = { outcome: 'success' as const, startedAt: '2026-01-01T09:59:59Z' };
    expect(hasLivePending([done, recent], now)).toBe(true);
    expect(hasLivePending([done, abandoned], now)).toBe(false);
    expect(hasLivePending([], now)).toBe(false);
  });

  it('gives a finished login its duration', () => {
    expect(traceDuration({ startedAt: '2026-01-01T10:00:00.000Z', finishedAt: '2026-01-01T10:00:00.320Z' })).toBe(
      '320 ms',
    );
    expect(traceDuration({ startedAt: '2026-01-01T10:00:00.000Z', finishedAt: null })).toBeNull();
  });
});
