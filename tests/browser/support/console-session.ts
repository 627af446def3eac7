import type { Page } from 'playwright-core';
import { TEST_TOKEN } from '../../support/start-tidings.ts';

/** Signs in through the form, as an editor would; leaves the page on the dashboard. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/admin`);
  await page.getByLabel('Admin token').fill(TEST_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/admin`);
}
