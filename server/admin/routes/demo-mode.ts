/**
 * Admin API for demo mode: `GET /api/demo-mode/customers?orgs=acme,globex` answers, per
 * chosen org, its login start URL, its mock-IdP personas with login-as URLs and its
 * password users (with the published demo password as a hint where it applies).
 */
import type Router from '@koa/router';
import { demoCustomers } from '../../demo-mode/demo-customers';
import { demoCustomersQuerySchema } from '../../model/demo-mode';
import { parseInput } from '../../model/validation';
import type { Services } from '../../services';

export function registerDemoModeRoutes(router: Router, services: Services, protocolUrl: string): void {
  router.get('/api/demo-mode/customers', (ctx) => {
    const { orgs } = parseInput(demoCustomersQuerySchema, ctx.query);
    ctx.body = demoCustomers(services, protocolUrl, orgs);
  });
}
