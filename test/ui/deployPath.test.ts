// The whole deploy path of issue 10, from the "Deploy a service on Fargate" walkthrough, by
// clicks and typing in the packaged extension: the cluster step's button creates a cluster
// (its name typed in the input box), the task definition step's button opens the form, which
// is filled (family, the seeded ECR image through Browse ECR…, port 8080, the execution role,
// awslogs by default) and registers; the service step's button opens the service form: the new
// cluster and task definition, the VPC's isolated private subnets, a new security group open to
// the load balancer, a new internet-facing ALB; the preflight lists what would stop the tasks
// (no path to ECR, ...), its fixes are ticked, Create is confirmed once in the dialog, and the
// service shows in the Clusters view. Back in the walkthrough, the three steps are ticked.
import * as assert from 'node:assert/strict';
import { DescribeServicesCommand, ECSClient } from '@aws-sdk/client-ecs';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { TEST_CREDENTIALS } from '../support/moto';
import { seedTutorialWorldWithoutService, TUTORIAL, type TutorialWorldWithoutService } from '../support/tutorialWorld';
import { chooseOption, pickQuickItem, runCommand, screenshot, selectRegion, ui } from './setup';

/** A region of its own (the tutorial's world is seeded once per region). */
const REGION = 'eu-west-3';
/** Names the seed does not make: the test creates them. */
const CLUSTER = 'walk-cluster';
const FAMILY = 'walk-task';
const SERVICE = 'walk-service';
const CHECKED = '.codicon-getting-started-step-checked';

async function openWalkthrough(page: Page): Promise<Locator> {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  const widget = page.locator('.quick-input-widget');
  await widget.locator('input[type="text"]').pressSequentially('Deploy a service on Fargate');
  await widget.locator('.quick-input-list .monaco-list-row.focused', { hasText: 'Deploy a service on Fargate' }).waitFor({ state: 'visible', timeout: 30_000 });
  await page.keyboard.press('Enter');
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough.locator('h2', { hasText: 'Deploy a service on Fargate' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  return walkthrough;
}

function step(walkthrough: Locator, title: string): Locator {
  return walkthrough.locator('.getting-started-step').filter({ hasText: title }).first();
}

/** Expands a walkthrough step and clicks its button (which runs the real command). */
async function clickStepButton(page: Page, title: string, button: string): Promise<void> {
  const walkthrough = await openWalkthrough(page);
  const s = step(walkthrough, title);
  await s.click();
  const b = s.getByRole('button', { name: button });
  await b.waitFor({ state: 'visible', timeout: 10_000 });
  await b.click();
}

function webviewForm(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

describe('UI: the deploy path from the walkthrough', () => {
  let world: TutorialWorldWithoutService | undefined;

  before(async function () {
    this.timeout(120_000);
    world = await seedTutorialWorldWithoutService(ui().moto.url, { region: REGION });
  });

  after(async function () {
    this.timeout(120_000);
    if (!world) return;
    // Leave the workbench as the next test expects it: no dialog, editor or notification, the tier's region.
    const { page, region } = ui();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await selectRegion(page, region);
  });

  it('creates a cluster, registers a task definition and creates the service behind a new ALB with the preflight\'s fixes, each from its step\'s button', async function () {
    this.timeout(280_000);
    const { page, moto } = ui();
    const seeded = world as TutorialWorldWithoutService;
    await selectRegion(page, REGION);

    // 1. Create a cluster: the step's button asks for the name in an input box.
    await clickStepButton(page, 'Create a cluster', 'Create Cluster');
    const widget = page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: `Create Cluster in ${REGION}` }).waitFor({ state: 'visible', timeout: 30_000 });
    // Typed into the box itself, not wherever the keyboard's focus is: in CI something took the
    // focus while the name was typed (the box, which keeps itself open, showed "wal"), so keys went elsewhere.
    const name = widget.locator('input[type="text"]');
    await name.fill(CLUSTER);
    assert.equal(await name.inputValue(), CLUSTER);
    await name.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 10_000 });
    await page.locator('.part.sidebar .monaco-list-row', { hasText: CLUSTER }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'deploy-path-1-cluster.png');

    // 2. Register a task definition: the step's button opens the form.
    await runCommand(page, 'View: Close All Editors');
    await clickStepButton(page, 'Register a task definition', 'Create Task Definition');
    let form = webviewForm(page);
    const family = form.getByLabel('Family', { exact: true });
    await family.waitFor({ state: 'visible', timeout: 60_000 });
    await family.pressSequentially(FAMILY);
    // The seeded image is an ARM64 build.
    await form.getByLabel('CPU architecture').selectOption('ARM64');
    await form.getByLabel('Task execution role').pressSequentially(seeded.executionRoleArn);
    await form.getByLabel('Container name').pressSequentially(TUTORIAL.containerName);
    // The host has what was typed once its validation reflects it (the container name error is gone).
    await form.locator('#f-containers_0__name-message .error').waitFor({ state: 'detached', timeout: 15_000 });
    await form.getByRole('button', { name: 'Browse ECR…' }).click();
    await pickQuickItem(page, 'ECR Repository', TUTORIAL.repositoryName);
    await pickQuickItem(page, `Image of ${TUTORIAL.repositoryName}`, TUTORIAL.imageTag);
    const image = form.getByLabel('Image', { exact: true });
    for (let i = 0; i < 50 && (await image.inputValue()) !== seeded.imageUri; i++) await page.waitForTimeout(200);
    assert.equal(await image.inputValue(), seeded.imageUri, 'the image chosen in ECR');
    await form.getByRole('button', { name: 'Add port mapping' }).click();
    await form.getByLabel('Container port').pressSequentially(String(TUTORIAL.containerPort));
    // No error; a warning does not block registering (it is shown by its field), and is logged here.
    await form.locator('#summary', { hasText: /Ready to register|warning/ }).waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await form.locator('#summary .count.error').count(), 0, await form.locator('#summary').innerText());
    for (const w of new Set((await form.locator('div.warning').allInnerTexts()).map((text) => text.trim()))) console.log(`      form warning: ${w}`);
    await screenshot(page, 'deploy-path-2-task-definition.png');
    await form.getByRole('button', { name: 'Register', exact: true }).click();
    const registered = form.locator('#status', { hasText: `Registered ${FAMILY}:1` });
    await registered.waitFor({ state: 'visible', timeout: 30_000 });

    // 3. Create the service: the step's button opens the service form.
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await clickStepButton(page, 'Create the service with its load balancer', 'Create Service');
    form = webviewForm(page);
    const serviceName = form.getByLabel('Service name', { exact: true });
    await serviceName.waitFor({ state: 'visible', timeout: 60_000 });
    await form.getByLabel('Cluster', { exact: true }).pressSequentially(CLUSTER);
    await form.getByLabel('Task definition family').pressSequentially(FAMILY);
    await form.getByLabel('Task definition family').press('Tab');
    await serviceName.pressSequentially(SERVICE);
    await serviceName.press('Tab');
    await form.locator('#f-taskDefinitionRevision option', { hasText: /^1$/ }).waitFor({ state: 'attached', timeout: 30_000 });

    await chooseOption(form, 'f-networking_vpcId', TUTORIAL.vpcName);
    const privateA = form.getByLabel(new RegExp(`${seeded.privateSubnetIds[0]}\\) · ${REGION}a · isolated`));
    await privateA.waitFor({ state: 'visible', timeout: 30_000 });
    await privateA.check();
    await form.getByLabel(new RegExp(`${seeded.privateSubnetIds[1]}\\) · ${REGION}c · isolated`)).check();
    await form.locator('#f-networking_subnetIds-message .error').waitFor({ state: 'detached', timeout: 15_000 });

    await chooseOption(form, 'f-loadBalancing_kind', 'A new internet-facing Application Load Balancer');
    assert.equal(await form.getByLabel('Load balancer name').inputValue(), `${SERVICE}-alb`);
    // The service's new group lets the container port in from the new load balancer's group.
    await form.getByLabel('Create a security group for the service').check();
    assert.equal(await form.locator('#f-networking_newSecurityGroup_inboundFrom').inputValue(), 'loadBalancer');
    await chooseOption(form, 'f-containerName', TUTORIAL.containerName);
    assert.equal(await form.locator('#f-containerPort').inputValue(), String(TUTORIAL.containerPort));
    await form.locator('#summary', { hasText: 'Ready to create' }).waitFor({ state: 'visible', timeout: 30_000 });

    // The preflight: the isolated subnets have no way to ECR, S3 or CloudWatch Logs.
    const items = form.locator('#preflight-state[data-state="done"] .preflight-item');
    await items.filter({ hasText: 'ecr.api' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    await items.filter({ hasText: 'logs' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    const fixes = form.getByLabel('Add this fix to the creation');
    const count = await fixes.count();
    assert.ok(count >= 4, `${count} fixes offered`);
    for (let i = 0; i < count; i++) await fixes.nth(i).check();
    await items.first().scrollIntoViewIfNeeded();
    await screenshot(page, 'deploy-path-3-preflight.png');

    // Create: the whole plan in one modal dialog, confirmed once.
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await dialog.locator('.dialog-message-text').innerText(), new RegExp(`Create service ${SERVICE} in cluster ${CLUSTER}\\?`));
    const plan = await dialog.locator('.dialog-message-detail').innerText();
    assert.match(plan, new RegExp(`${SERVICE}-alb`));
    assert.match(plan, /ecr\.api/, 'the chosen fixes are in the plan');
    await screenshot(page, 'deploy-path-4-confirm.png');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await form.locator('#status', { hasText: `Created service ${SERVICE}.` }).waitFor({ state: 'visible', timeout: 120_000 });
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'asked once');

    // The service in the Clusters view.
    const node = page.locator('.part.sidebar .monaco-list-row', { hasText: SERVICE }).first();
    await node.waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'deploy-path-5-service.png');
    const ecs = new ECSClient({ endpoint: moto.url, region: REGION, credentials: TEST_CREDENTIALS });
    try {
      const { services } = await ecs.send(new DescribeServicesCommand({ cluster: CLUSTER, services: [SERVICE] }));
      assert.equal(services?.[0]?.status, 'ACTIVE');
      assert.match(services?.[0]?.taskDefinition ?? '', new RegExp(`task-definition/${FAMILY}:1$`));
      assert.equal(services?.[0]?.loadBalancers?.[0]?.containerPort, TUTORIAL.containerPort);
    } finally {
      ecs.destroy();
    }

    // Back in the walkthrough: the cluster, task definition and service steps are ticked. The
    // open page does not always redraw its ticks: open it afresh until they show.
    for (let attempt = 1; ; attempt++) {
      await runCommand(page, 'View: Close All Editors');
      const walkthrough = await openWalkthrough(page);
      try {
        for (const title of ['Create a cluster', 'Register a task definition', 'Create the service with its load balancer']) {
          await step(walkthrough, title).locator(CHECKED).first().waitFor({ state: 'attached', timeout: 5_000 });
        }
        break;
      } catch (err) {
        if (attempt >= 4) throw err;
      }
    }
    await screenshot(page, 'deploy-path-6-walkthrough.png');
  });
});
