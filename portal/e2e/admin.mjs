// The administration consoles in Debian's Chromium, driven by playwright-core, against a running gateway with the demo
// park under the shipped default policy. Run by the gateway's AdminConsolesBrowserTest, which passes:
//   GW_BASE         http://127.0.0.1:<port>
//   GW_SCREENSHOTS  where to write screenshots
// Each administrator (三员分立) and the O&M engineer signs in and sees its own console in the nav and no other; another
// console's route shows a refusal and the server refuses that console's API too; each console does one real thing,
// checked against the server's API; one bad input per console shows the server's reason beside the field it names,
// word for word as the server says it in the reader's language. Exits non-zero on the first failed check.
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { apiAs, launch, reasonBeside, signIn, step } from './session.mjs';

const base = process.env.GW_BASE;
const shots = process.env.GW_SCREENSHOTS;
mkdirSync(shots, { recursive: true });

/**
 * Each console's route, who it is for, and one API call of it that none of the others may make (the auditor reads the
 * policies too, so the security console's is a change of roles, refused before it could change anything).
 */
const CONSOLES = {
  system: { user: 'sysadmin', api: { path: '/api/v1/clients' } },
  security: { user: 'secadmin', api: { path: '/api/v1/users/nobody/roles', method: 'PUT', body: [] } },
  audit: { user: 'auditor', api: { path: '/api/v1/audit/verify' } },
  om: { user: 'om', api: { path: '/api/v1/devices/rejections' } },
};

const browser = await launch();

/** Signs {@code user} in on a page of its own and checks that the nav offers its console and no other, and that the others are refused. */
async function console_(route) {
  const { user } = CONSOLES[route];
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await signIn(page, base, user, `nav a[data-page="${route}"]`);
  const offered = await page.locator('nav a[data-page]').evaluateAll((links) => links.map((a) => a.dataset.page));
  assert.deepEqual(offered.filter((p) => p in CONSOLES), [route], `${user}'s nav offers ${offered}`);
  for (const [other, { api }] of Object.entries(CONSOLES).filter(([r]) => r !== route)) {
    await page.goto(`${base}/#/${other}`);
    await page.locator('#page p.empty').filter({ hasText: '您的角色无权查看此页面' }).waitFor();
    assert.equal(await page.locator('#page .admin-body').count(), 0, `${user} at #/${other} sees no console`);
    const refused = await apiAs(page, api.path, api);
    assert.equal(refused.status, 403, `${user} asking ${api.method ?? 'GET'} ${api.path}: ${refused.status}`);
  }
  await page.goto(`${base}/#/${route}`);
  await page.locator('#page .admin-body .admin-panel').first().waitFor();
  return { page, context };
}

try {
  await step('system administration: users, organisations, clients', async () => {
    const { page, context } = await console_('system');
    const duty = (await apiAs(page, '/api/v1/users')).body.find((u) => u.username === 'duty');
    await page.locator('#user-table tr[data-user="duty"]').waitFor();
    // Refused first: no username. The reason beside the field is the server's, in Chinese.
    await page.selectOption('#user-form [name=organisation]', duty.organisation);
    await page.check('#user-form [name=roles] input[value=DUTY_OFFICER]');
    await page.fill('#user-form [name=password]', 'Gw-duty-2026-Aa');
    await page.click('#user-form button[type=submit]');
    const refusal = await apiAs(page, '/api/v1/users', { method: 'POST', body: { username: null, organisation: duty.organisation,
      roles: ['DUTY_OFFICER'], password: 'Gw-duty-2026-Aa' } });
    assert.equal(refusal.status, 400);
    assert.equal(await reasonBeside(page, '#user-form', 'username'), refusal.body.detail);
    assert.match(refusal.body.detail, /必填/);
    // Then a new duty officer, who appears in the list and in the server's.
    await page.fill('#user-form [name=username]', 'wangfang');
    await page.fill('#user-form [name=displayName]', '王芳');
    await page.click('#user-form button[type=submit]');
    await page.locator('#user-table tr[data-user="wangfang"]').waitFor();
    const created = (await apiAs(page, '/api/v1/users')).body.find((u) => u.username === 'wangfang');
    assert.deepEqual([created.displayName, created.organisation, created.roles, created.enabled], ['王芳', duty.organisation, ['DUTY_OFFICER'], true]);
    assert.equal(await page.locator('#user-form .field-error').count(), 0, 'the earlier reason is gone');
    // Disabled from the list: the server says so too.
    await page.click('#user-table [data-toggle="wangfang"]');
    await page.locator('#user-table tr[data-user="wangfang"] [data-enabled=false]').waitFor();
    assert.equal((await apiAs(page, '/api/v1/users')).body.find((u) => u.username === 'wangfang').enabled, false);
    // A confidential client: its secret shows once, and the server lists the client.
    const enterprise = (await apiAs(page, '/api/v1/organisations')).body.find((o) => o.kind === 'ENTERPRISE');
    await page.fill('#client-form [name=clientId]', 'e2e-enterprise-feed');
    await page.fill('#client-form [name=name]', '企业数据接口');
    await page.selectOption('#client-form [name=organisation]', enterprise.code);
    await page.click('#client-form button[type=submit]');
    const secret = (await page.locator('#client-secret code[data-client="e2e-enterprise-feed"]').textContent()).trim();
    assert.ok(secret.length >= 20, `a secret is shown: ${secret.length} characters`);
    await page.locator('#client-table tr[data-client="e2e-enterprise-feed"]').waitFor();
    assert.ok((await apiAs(page, '/api/v1/clients')).body.some((c) => c.clientId === 'e2e-enterprise-feed' && c.organisation === enterprise.code));
    await page.screenshot({ path: `${shots}/admin-system.png`, fullPage: true });
    // The same refusal in English once the reader chooses English.
    await page.selectOption('#locale', 'en-US');
    await page.locator('#user-form').waitFor();
    await page.click('#user-form button[type=submit]');
    const english = await apiAs(page, '/api/v1/users', { method: 'POST', body: { username: null, organisation: duty.organisation, roles: [],
      password: null }, language: 'en-US' });
    assert.equal(await reasonBeside(page, '#user-form', 'username'), english.body.detail);
    assert.doesNotMatch(english.body.detail, /必填/);
    await context.close();
  });

  await step('security administration: explain, what-if, a refused document', async () => {
    const { page, context } = await console_('security');
    await page.locator('#policy-table tr[data-state=ACTIVE]').waitFor();
    // Explain: the public sees the wells on a 500 m grid, as the server says.
    const explained = (await apiAs(page, '/api/v1/policies/explain?audience=kind:PUBLIC&dataset=wells')).body;
    assert.equal(explained.datasets[0].disclosure.locationPrecisionMetres, 500);
    await page.fill('#explain-form [name=audience]', 'kind:PUBLIC');
    await page.selectOption('#explain-form [name=dataset]', 'wells');
    await page.click('#explain-form button[type=submit]');
    const coarsening = page.locator('#explain-result .explained[data-dataset=wells] li[data-effect=locationPrecision]');
    await coarsening.waitFor();
    assert.equal(await coarsening.getAttribute('data-value'), '500');
    assert.equal((await coarsening.textContent()).trim(), '位置粗化到 500 米网格');
    // An audience the server does not know: its reason beside the audience.
    await page.fill('#explain-form [name=audience]', 'kind:MARTIANS');
    await page.click('#explain-form button[type=submit]');
    const unknown = await apiAs(page, '/api/v1/policies/explain?audience=kind:MARTIANS&dataset=wells');
    assert.equal(unknown.status, 400);
    assert.equal(await reasonBeside(page, '#explain-form', 'audience'), unknown.body.detail);
    // What-if of a version that is not active, row for row as the server reports it.
    const { active, versions } = (await apiAs(page, '/api/v1/policies')).body;
    const candidate = versions.find((v) => v.version !== active);
    await page.click(`#policy-table [data-what-if="${candidate.version}"]`);
    await page.locator(`#what-if[data-version="${candidate.version}"]`).waitFor();
    const report = (await apiAs(page, `/api/v1/policies/${candidate.version}/what-if`)).body;
    assert.equal(await page.locator('#what-if-table tbody tr').count(), report.newlyExposed.length);
    // Activation asks once more before it changes every door; cancelled here.
    await page.click(`#policy-table [data-activate="${candidate.version}"]`);
    await page.locator(`#policy-table [data-confirm="${candidate.version}"]`).waitFor();
    await page.screenshot({ path: `${shots}/admin-security.png`, fullPage: true });
    await page.click('#policy-table .confirm ~ button:not(.danger)');
    // A document that is not YAML: the server's reason beside the document.
    await page.fill('#policy-form [name=document]', 'name: [unclosed');
    await page.click('#policy-form button[type=submit]');
    const reason = await reasonBeside(page, '#policy-form', 'document');
    assert.match(reason, /^共享策略无效/, reason);
    assert.equal((await apiAs(page, '/api/v1/policies')).body.versions.length, versions.length, 'nothing was stored');
    await context.close();
  });

  await step('audit: verification, logins, export', async () => {
    const { page, context } = await console_('audit');
    await page.locator('#verification[data-ok=true]').waitFor();
    // Verified again between two of the server's verifications: the count shown lies between them (equal when no entry
    // was appended meanwhile).
    const before = (await apiAs(page, '/api/v1/audit/verify')).body;
    await page.click('#verify');
    const shown = Number(await page.locator('#verification[data-entries]').getAttribute('data-entries'));
    const after = (await apiAs(page, '/api/v1/audit/verify')).body;
    assert.ok(before.ok && after.ok);
    assert.ok(before.entries <= shown && shown <= after.entries, `shown ${shown}, server ${before.entries}..${after.entries}`);
    console.log(`(chain intact: shown ${shown} entries, server ${before.entries} before and ${after.entries} after) `);
    assert.equal(await page.locator('#verification .verified').textContent(), `审计链完整：共 ${shown} 条记录，均未被修改、删除或重排。`);
    // Logins filtered by person and kind, as the server filters them.
    await page.fill('#logins-form [name=principal]', 'auditor');
    await page.selectOption('#logins-form [name=kind]', 'LOGIN_SUCCEEDED');
    await page.click('#logins-form button[type=submit]');
    const logins = (await apiAs(page, '/api/v1/audit/logins?principal=auditor&kind=LOGIN_SUCCEEDED&limit=50')).body;
    assert.ok(logins.length >= 1, 'the auditor\'s own sign-in is in the audit of logins');
    await page.locator('#logins-list[data-query="limit=50&principal=auditor&kind=LOGIN_SUCCEEDED"]').waitFor();
    assert.equal(await page.locator('#login-table tbody tr').count(), logins.length);
    assert.deepEqual(await page.locator('#login-table tbody tr').evaluateAll((rows) => [...new Set(rows.map((r) => r.dataset.kind))]), ['LOGIN_SUCCEEDED']);
    // Entries page by page.
    await page.locator('#entry-table tr[data-seq="1"]').waitFor();
    assert.equal(await page.locator('#entry-table tbody tr').count(), Math.min(50, before.entries));
    if (before.entries > 50) {
      await page.click('#entries-next');
      await page.locator('#entry-table tr[data-seq="51"]').waitFor();
    } else {
      assert.ok(await page.locator('#entries-next').isDisabled(), 'no next page of a short log');
    }
    await page.screenshot({ path: `${shots}/admin-audit.png`, fullPage: true });
    // An export that ends before it starts: the server's reason beside "to".
    await page.fill('#export-form [name=from]', '5');
    await page.fill('#export-form [name=to]', '2');
    await page.click('#export-form button[type=submit]');
    const backwards = await apiAs(page, '/api/v1/audit/export?from=5&to=2');
    assert.equal(backwards.status, 400);
    assert.equal(await reasonBeside(page, '#export-form', 'to'), backwards.body.detail);
    // Then entries 1 to 3: the verification first, then the three entries.
    await page.fill('#export-form [name=from]', '1');
    await page.fill('#export-form [name=to]', '3');
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('#export-form button[type=submit]')]);
    const lines = (await readFile(await file.path(), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(file.suggestedFilename(), 'audit-1-3.jsonl');
    assert.equal(lines[0].verification.ok, true);
    assert.deepEqual(lines.slice(1).map((e) => e.seq), [1, 2, 3]);
    await context.close();
  });

  await step('O&M: devices, refusals, a maintenance record', async () => {
    const { page, context } = await console_('om');
    const devices = (await apiAs(page, '/api/v1/devices')).body;
    assert.equal(await page.locator('#device-table tbody tr').count(), devices.length);
    const sensor = devices.find((d) => d.sensors.length).sensors[0].code;
    await page.selectOption('#maintenance-sensor', sensor);
    await page.locator(`#maintenance-list[data-sensor="${sensor}"]`).waitFor();
    const earlier = (await apiAs(page, `/api/v1/sensors/${sensor}/maintenance`)).body.length;
    // No start: the server's reason beside the start.
    await page.selectOption('#maintenance-form [name=kind]', 'MAINTENANCE');
    await page.fill('#maintenance-form [name=endedAt]', '2026-12-01T10:30');
    await page.fill('#maintenance-form [name=performedBy]', '李工');
    await page.click('#maintenance-form button[type=submit]');
    const missing = await apiAs(page, `/api/v1/sensors/${sensor}/maintenance`, { method: 'POST', body: { kind: 'MAINTENANCE', startedAt: null,
      endedAt: '2026-12-01T10:30:00+08:00', performedBy: '李工' } });
    assert.equal(missing.status, 400);
    assert.equal(await reasonBeside(page, '#maintenance-form', 'startedAt'), missing.body.detail);
    // With its start, in the park's time: the server lists it at that instant.
    await page.fill('#maintenance-form [name=startedAt]', '2026-12-01T09:00');
    await page.fill('#maintenance-form [name=notes]', '清洗探头');
    await page.click('#maintenance-form button[type=submit]');
    await page.locator(`#maintenance-table tbody tr:nth-child(${earlier + 1})`).waitFor();
    const records = (await apiAs(page, `/api/v1/sensors/${sensor}/maintenance`)).body;
    assert.equal(records.length, earlier + 1);
    const added = records.find((r) => r.notes === '清洗探头');
    assert.deepEqual([added.kind, Date.parse(added.startedAt), Date.parse(added.endedAt), added.performedBy],
      ['MAINTENANCE', Date.parse('2026-12-01T01:00:00Z'), Date.parse('2026-12-01T02:30:00Z'), '李工']);
    await page.screenshot({ path: `${shots}/admin-om.png`, fullPage: true });
    await context.close();
  });
} finally {
  await browser.close();
}
