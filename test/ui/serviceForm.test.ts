// The service form in the packaged extension, used like a person: the command palette opens
// it in the tutorial's world, the cluster, task definition and name are typed, the VPC chosen
// shows its subnets labelled with their AZ and kind (the tutorial's private subnets isolated),
// a missing subnet shows its error by the list, a new internet-facing ALB is chosen; the
// preflight panel names what would stop the tasks (no path to ECR, S3 and CloudWatch Logs from
// the isolated subnets), its fixes are added, Create is confirmed once in VS Code's dialog, and
// the service appears in the Clusters view. The screenshots are the README's.
import * as assert from 'node:assert/strict';
import { seedTutorialWorld, TUTORIAL, type TutorialWorld } from '../support/tutorialWorld';
import { chooseOption, openEcsStudio, runCommand, screenshot, selectRegion, ui } from './setup';

/** A region of its own: the tutorial's world is seeded once per region. */
const REGION = 'eu-north-1';

describe('UI: the service form', () => {
  let tutorial: TutorialWorld | undefined;

  before(async function () {
    this.timeout(120_000);
    tutorial = await seedTutorialWorld(ui().moto.url, { region: REGION, stoppedTasks: false });
    // It reads the Clusters view in the side bar, whichever view the suite before it left there.
    await openEcsStudio(ui().page);
  });

  after(async function () {
    this.timeout(120_000);
    if (!tutorial) return;
    // Leave the workbench as the next test expects it: no editor or notification, the tier's region.
    const { page, region } = ui();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await runCommand(page, 'View: Close All Editors');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await selectRegion(page, region);
  });

  it('opens from the palette, labels the subnets with AZ and kind, takes a new ALB, adds the preflight\'s fixes, creates the service and shows it in the Clusters view', async function () {
    this.timeout(240_000);
    const { page } = ui();
    const world = tutorial as TutorialWorld;
    await selectRegion(page, REGION);
    await runCommand(page, 'ECS Studio: Create Service');

    const form = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const serviceName = form.getByLabel('Service name', { exact: true });
    await serviceName.waitFor({ state: 'visible', timeout: 60_000 });

    await form.getByLabel('Cluster', { exact: true }).pressSequentially(TUTORIAL.clusterName);
    await form.getByLabel('Task definition family').pressSequentially(TUTORIAL.taskFamily);
    await form.getByLabel('Task definition family').press('Tab');
    await serviceName.pressSequentially('web-service');
    await serviceName.press('Tab');
    await form.locator('#f-taskDefinitionRevision option', { hasText: /^1$/ }).waitFor({ state: 'attached', timeout: 30_000 });
    await screenshot(page, 'service-form-top.png');

    await chooseOption(form, 'f-networking_vpcId', TUTORIAL.vpcName);
    // The subnets of the VPC, each with its AZ and kind; none chosen yet is an error by the list.
    const privateA = form.getByLabel(new RegExp(`${world.privateSubnetIds[0]}\\) · ${REGION}a · isolated`));
    await privateA.waitFor({ state: 'visible', timeout: 30_000 });
    await form.getByLabel(new RegExp(`${world.publicSubnetIds[0]}\\) · ${REGION}a · public`)).waitFor({ state: 'visible' });
    await form.locator('#f-networking_subnetIds-message .error').waitFor({ state: 'visible', timeout: 15_000 });
    await privateA.check();
    await form.getByLabel(new RegExp(`${world.privateSubnetIds[1]}\\) · ${REGION}c · isolated`)).check();
    await form.locator('#f-networking_subnetIds-message .error').waitFor({ state: 'detached', timeout: 15_000 });

    await form.getByLabel('Create a security group for the service').check();
    await chooseOption(form, 'f-networking_newSecurityGroup_inboundFrom', 'a CIDR block');
    await form.getByLabel('Allowed CIDR').pressSequentially(TUTORIAL.vpcCidr);

    // A new internet-facing ALB starts in the VPC's public subnets, one per AZ, named after the service.
    await chooseOption(form, 'f-loadBalancing_kind', 'A new internet-facing Application Load Balancer');
    assert.equal(await form.getByLabel('Load balancer name').inputValue(), 'web-service-alb');
    assert.equal(await form.getByLabel('Who may reach the listener (CIDR)').inputValue(), '0.0.0.0/0');
    for (const id of world.publicSubnetIds) {
      assert.equal(await form.locator('#f-loadBalancing_loadBalancerSubnetIds').getByLabel(new RegExp(`${id}\\)`)).isChecked(), true, `public subnet ${id} chosen for the new ALB`);
    }
    await form.getByLabel('Health check path').scrollIntoViewIfNeeded();
    await screenshot(page, 'service-form-new-alb.png');

    await chooseOption(form, 'f-containerName', TUTORIAL.containerName);
    assert.equal(await form.locator('#f-containerPort').inputValue(), String(TUTORIAL.containerPort), 'the container\'s port from the task definition');
    await form.locator('#summary', { hasText: 'Ready to create' }).waitFor({ state: 'visible', timeout: 30_000 });

    // The preflight: the isolated subnets have no way to ECR, S3 or CloudWatch Logs.
    const items = form.locator('#preflight-state[data-state="done"] .preflight-item');
    await items.filter({ hasText: 'ecr.api' }).first().waitFor({ state: 'visible', timeout: 60_000 });
    const fixes = form.getByLabel('Add this fix to the creation');
    const count = await fixes.count();
    assert.ok(count >= 4, `${count} fixes offered`);
    for (let i = 0; i < count; i++) await fixes.nth(i).check();
    await items.first().scrollIntoViewIfNeeded();
    await screenshot(page, 'service-form-preflight.png');

    await form.getByRole('button', { name: 'Show plan' }).click();
    await form.locator('.preview pre', { hasText: /1\. .*web-service-alb-sg/ }).waitFor({ state: 'visible', timeout: 15_000 });
    await form.locator('#f-networking_subnetIds').scrollIntoViewIfNeeded();
    await screenshot(page, 'service-form.png');

    // Create: the whole plan in one modal dialog, then the creation, then the service in the tree.
    await form.getByRole('button', { name: 'Create', exact: true }).click();
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await dialog.locator('.dialog-message-text').innerText(), /Create service web-service in cluster demo-ecs-cluster\?/);
    const plan = await dialog.locator('.dialog-message-detail').innerText();
    assert.match(plan, /web-service-alb/);
    assert.match(plan, /ecr\.api/, 'the chosen fixes are in the plan');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    await form.locator('#status', { hasText: 'Created service web-service.' }).waitFor({ state: 'visible', timeout: 120_000 });
    const node = page.locator('.part.sidebar .monaco-list-row', { hasText: 'web-service' }).first();
    await node.waitFor({ state: 'visible', timeout: 60_000 });
    await screenshot(page, 'service-created.png');
    assert.equal(await serviceName.inputValue(), 'web-service', 'the form stays as it was');
  });
});
