// The task definition form in the packaged extension, used like a person: the command palette
// opens it, fields are typed into and chosen in the real webview, an invalid memory for the CPU
// shows its error next to the field, fixing it clears the error, and Register registers. The
// screenshots are the README's.
import * as assert from 'node:assert/strict';
import { DescribeTaskDefinitionCommand, ECSClient } from '@aws-sdk/client-ecs';
import { AttachRolePolicyCommand, CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import type { FrameLocator } from 'playwright-core';
import { TEST_CREDENTIALS } from '../support/moto';
import { runCommand, screenshot, ui } from './setup';

const FAMILY = 'demo-ecs-task';

describe('UI: the task definition form', () => {
  let roleArn: string;

  before(async () => {
    const { moto, region } = ui();
    const iam = new IAMClient({ endpoint: moto.url, region, credentials: TEST_CREDENTIALS });
    try {
      // Another UI test may have made the role already (the tutorial's world has it): reuse it.
      const existing = await iam.send(new GetRoleCommand({ RoleName: 'ecsTaskExecutionRole' })).catch(() => undefined);
      const { Role } = existing ?? await iam.send(new CreateRoleCommand({
        RoleName: 'ecsTaskExecutionRole',
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
      }));
      roleArn = Role?.Arn ?? '';
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'ecsTaskExecutionRole', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' }));
    } finally {
      iam.destroy();
    }
  });

  it('is filled by typing, shows an invalid memory next to the field, and registers once fixed', async () => {
    const { page, moto, region } = ui();
    await runCommand(page, 'ECS Studio: Create Task Definition');

    const form: FrameLocator = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const family = form.getByLabel('Family', { exact: true });
    await family.waitFor({ state: 'visible', timeout: 60_000 });

    await family.pressSequentially(FAMILY);
    await form.getByLabel('CPU architecture').selectOption('ARM64');
    await form.getByLabel('Task CPU').selectOption('2048');
    await form.getByLabel('Task memory').selectOption('8192');
    await form.getByLabel('Task execution role').pressSequentially(roleArn);
    await form.getByLabel('Container name').pressSequentially('demo-service-container');
    await form.getByLabel('Image', { exact: true }).pressSequentially('public.ecr.aws/nginx/nginx:1.27');
    await form.getByRole('button', { name: 'Add port mapping' }).click();
    await form.getByLabel('Container port').pressSequentially('8080');

    // 8 GB was fine with 2 vCPU; with 0.5 vCPU it isn't, and the form says so by the field.
    await form.getByLabel('Task CPU').selectOption('512');
    const memoryMessage = form.locator('#f-memory-message');
    await memoryMessage.filter({ hasText: 'Memory 8 GB isn\'t available with 0.5 vCPU on Fargate' }).waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await form.getByLabel('Task memory').getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'task-definition-form-error.png');

    // Register refuses while the error stands.
    await form.getByRole('button', { name: 'Register', exact: true }).click();
    await form.locator('#status', { hasText: 'Fix the 1 problem(s)' }).waitFor({ state: 'visible', timeout: 15_000 });

    await form.getByLabel('Task CPU').selectOption('1024');
    await form.getByLabel('Task memory').selectOption('3072');
    await memoryMessage.locator('.error').waitFor({ state: 'detached', timeout: 15_000 });
    await form.locator('#summary', { hasText: /Ready to register|warning/ }).waitFor({ state: 'visible', timeout: 15_000 });

    await form.getByRole('button', { name: 'Register', exact: true }).click();
    const status = form.locator('#status', { hasText: `Registered ${FAMILY}:` });
    await status.waitFor({ state: 'visible', timeout: 30_000 });
    const arn = /\((arn:[^)]+)\)/.exec(await status.innerText())?.[1];
    assert.ok(arn, await status.innerText());
    await status.scrollIntoViewIfNeeded();
    await screenshot(page, 'task-definition-form.png');

    const ecs = new ECSClient({ endpoint: moto.url, region, credentials: TEST_CREDENTIALS });
    try {
      const { taskDefinition: td } = await ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }));
      assert.equal(td?.family, FAMILY);
      assert.equal(td?.cpu, '1024');
      assert.equal(td?.memory, '3072');
      assert.deepEqual(td?.runtimePlatform, { cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' });
      assert.equal(td?.executionRoleArn, roleArn);
      assert.equal(td?.containerDefinitions?.[0]?.name, 'demo-service-container');
      assert.equal(td?.containerDefinitions?.[0]?.image, 'public.ecr.aws/nginx/nginx:1.27');
      assert.equal(td?.containerDefinitions?.[0]?.portMappings?.[0]?.containerPort, 8080);
      assert.equal(td?.containerDefinitions?.[0]?.logConfiguration?.options?.['awslogs-group'], `/ecs/${FAMILY}`);
    } finally {
      ecs.destroy();
    }
  });
  it('keeps what was typed when its tab is hidden and when the window reloads', async () => {
    const { page } = ui();
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'ECS Studio: Create Task Definition');
    const form = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const family = form.getByLabel('Family', { exact: true });
    await family.waitFor({ state: 'visible', timeout: 60_000 });
    await family.pressSequentially('survives-reload');
    await form.getByLabel('Container name').pressSequentially('web');
    // The host has the change once its validation reflects it (the container name error is gone).
    await form.locator('#f-containers_0__name-message .error').waitFor({ state: 'detached', timeout: 15_000 });

    // Hidden: another editor in front; the webview (retainContextWhenHidden off) is torn down.
    await runCommand(page, 'File: New Untitled Text File');
    await page.locator('.tabs-container .tab', { hasText: 'New Task Definition' }).waitFor({ state: 'visible' });
    await page.locator('iframe.webview.ready').waitFor({ state: 'detached', timeout: 15_000 });
    await page.locator('.tabs-container .tab', { hasText: 'New Task Definition' }).click();
    await family.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await family.inputValue(), 'survives-reload');
    assert.equal(await form.getByLabel('Container name').inputValue(), 'web');

    // Reloaded (as a person does, so the workbench saves its state first): the serializer
    // restores the panel from the webview's saved state.
    const reloaded = page.waitForEvent('domcontentloaded', { timeout: 60_000 });
    await runCommand(page, 'Developer: Reload Window');
    await reloaded;
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ state: 'visible', timeout: 90_000 });
    await page.locator('.tabs-container .tab', { hasText: 'New Task Definition' }).click();
    const restored = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame').getByLabel('Family', { exact: true });
    await restored.waitFor({ state: 'visible', timeout: 60_000 });
    assert.equal(await restored.inputValue(), 'survives-reload');
  });
});
