/**
 * Every Content-Security-Policy violation of a page, for the browser tests: `recordPolicyViolations`
 * is installed as an init script (init scripts are not under the page's policy), `policyViolations`
 * reads them back as "<directive> <blocked URI>".
 */
import type { Page } from 'playwright-core';

export function recordPolicyViolations(): void {
  const violations: string[] = [];
  (window as unknown as { __policyViolations: string[] }).__policyViolations = violations;
  document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
}

export function policyViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __policyViolations: string[] }).__policyViolations);
}
