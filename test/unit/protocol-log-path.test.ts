import { describe, expect, it } from 'vitest';
import { loggablePath } from '../../server/protocol/protocol-handler';

describe('loggablePath', () => {
  it('drops the query and long opaque segments, keeps the route', () => {
    expect(loggablePath('/default/default/account/reset/Zk3n8xq0VbQ1sT9uYwE2rL5mN7pK4jH6?x=1')).toBe(
      '/default/default/account/reset/…',
    );
    expect(loggablePath('/sample/callback?code=abc&state=def')).toBe('/sample/callback');
    expect(loggablePath('/federation/saml/con_c439127d277b3629/slo')).toBe('/federation/saml/con_c439127d277b3629/slo');
    expect(loggablePath(undefined)).toBe('/');
  });
});
