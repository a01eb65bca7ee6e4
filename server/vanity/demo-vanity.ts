/**
 * The demo's vanity hosts: acme, globex and initech each get a custom `login.<slug>.test`
 * name besides their automatic `login.<slug>.localhost`. Idempotent: a host already on
 * its org is left alone.
 */
import type { Services } from '../services';

export const DEMO_VANITY_HOSTS: Readonly<Record<string, string>> = {
  acme: 'login.acme.test',
  globex: 'login.globex.test',
  initech: 'login.initech.test',
};

/** Adds the demo's custom hosts to the demo orgs that exist; returns the hosts added. */
export function seedDemoVanityHosts(services: Pick<Services, 'vanity' | 'orgs'>): string[] {
  const added: string[] = [];
  for (const [slug, host] of Object.entries(DEMO_VANITY_HOSTS)) {
    if (!services.orgs.find(slug)) continue;
    const current = services.vanity.ofOrg(slug).hosts.some((entry) => entry.host === host);
    if (current) continue;
    services.vanity.add(slug, { host });
    added.push(host);
  }
  return added;
}
