// The speed to beat: a straight hand-written Playwright script of the guide's six steps against the
// simulator (no screenshots, no evidence, no checks). Usage: node bench/playwright-baseline.mjs URL COMPANY_ID
// Prints one JSON line: epoch-millisecond marks per phase (for bench/run's breakdown) and the wall time in node.
const t0 = Date.now();
const marks = { script: t0 };
const mark = (name) => { marks[name] = Date.now(); };
const { chromium } = await import('playwright-core');
mark('imported');

const [url, company] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage();
mark('browser');
await page.goto(`${url}/login`);
await page.getByLabel('Email').fill('admin@example.com');
await page.getByLabel('Password').fill('procore-sim');
await page.getByRole('button', { name: 'Log In' }).click();
await page.waitForURL(`**/${company}/company/home/list`);
mark('signed_in');
await page.locator('header').getByRole('button', { name: 'AA' }).click();                    // 1
await page.getByRole('menuitem', { name: 'Account & Admin Settings' }).click();
mark('step1');
await page.getByRole('menuitem', { name: 'Service Accounts' }).click();                          // 2
mark('step2');
await page.getByRole('button', { name: 'New' }).click();                                     // 3
await page.getByLabel('Name').fill('laborchart-integration');
await page.getByRole('button', { name: 'Create' }).click();
mark('step3');
const clientId = await page.locator('dd').first().innerText();                               // 4
mark('step4');
await page.getByRole('button', { name: /Company Tools/ }).click();                           // 5
await page.getByRole('menuitem', { name: 'Directory' }).click();
await page.getByRole('row', { name: /laborchart-integration/ }).getByRole('link', { name: 'Edit' }).click();
await page.getByRole('button', { name: 'Standard', exact: true }).click();
await page.getByRole('checkbox', { name: /to all new projects/ }).check();
await page.getByRole('button', { name: 'Save' }).click();
await page.getByText('User was successfully updated.').waitFor();
mark('step5');
await page.getByRole('button', { name: 'Add All' }).click();                                 // 6
await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
await page.waitForLoadState();
mark('step6');
await browser.close();
mark('closed');
console.log(JSON.stringify({ wall_ms_in_node: Date.now() - t0, client_id_seen: clientId.length > 0, marks }));
