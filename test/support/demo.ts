// `npm run demo`: moto seeded with the tutorial's world in ap-northeast-2 (its VPC, ALB,
// cluster, task definition, the service in private subnets and its two failed tasks) plus a
// few other clusters, code-server with the packaged extension pointed at moto, and a URL.
// Runs until Ctrl+C, then stops everything it started.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { startAwsLimitsProxy } from './awsLimitsProxy';
import { ensureCodeServer, onTerminationSignal, REPO_ROOT, startCodeServer } from './codeServer';
import { startMoto, TEST_CREDENTIALS } from './moto';
import { seedClusters } from './seed';
import { seedTutorialWorld, seedUnusedImage } from './tutorialWorld';

const REGION = 'ap-northeast-2';
const OTHER_CLUSTERS = ['staging', 'batch-jobs'];

async function main(): Promise<void> {
  console.log('Packaging the extension…');
  const vsix = path.join(REPO_ROOT, 'dist', 'ecs-studio.vsix');
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (pack.status !== 0) throw new Error('npm run package failed');

  console.log('Installing code-server (first run only)…');
  await ensureCodeServer((line) => console.log(line));

  console.log('Starting moto…');
  const moto = await startMoto();
  const world = await seedTutorialWorld(moto.url, { region: REGION });
  await seedClusters(moto.url, OTHER_CLUSTERS, REGION);
  // An image nothing uses yet: what a person registers a task definition for and deploys with
  // the service form, next to the tutorial's broken service.
  const unused = await seedUnusedImage(moto.url, { region: REGION });
  // ECS Studio talks to moto through the AWS-limits proxy, as in the test tiers: AWS's page
  // sizes and batch limits, and the stoppedAt AWS gives a stopped task (moto gives none), which
  // the doctor needs to tell a fixed failure from a current one.
  const proxy = await startAwsLimitsProxy(moto.url);

  const server = await startCodeServer({
    installVsix: vsix,
    settings: {
      'ecsStudio.endpointUrl': proxy.url,
      'workbench.startupEditor': 'none',
      'workbench.colorTheme': 'Default Dark Modern',
      'security.workspace.trust.enabled': false,
      'chat.disableAIFeatures': true,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      // The run folder sits inside this repository: no "open the repository?" prompt.
      'git.openRepositoryInParentFolders': 'never',
    },
    env: {
      AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
      AWS_REGION: REGION,
      // The setting above points ECS Studio at moto; the variable is its documented fallback,
      // set too because code-server was seen answering a few early calls without the setting.
      AWS_ENDPOINT_URL: proxy.url,
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    // A person uses the demo: progress and messages must show as toasts.
    smokeTestDriver: false,
  });

  const stop = async () => {
    await server.stop();
    await proxy.stop();
    await moto.stop();
  };
  onTerminationSignal(stop);

  console.log('');
  console.log(`  moto (AWS emulator):  ${moto.url}, ECS Studio uses it through ${proxy.url}  (the tutorial's world in ${REGION}: ${world.clusterArn.split('/').pop()}, VPC ${world.vpcId})`);
  console.log(`  An unused image:      ${unused.imageUri} (linux/amd64 and linux/arm64), to register and deploy`);
  console.log(`  ECS Studio:           ${server.url}/?folder=${encodeURIComponent(server.runDir)}`);
  console.log('');
  console.log('  Open the URL, then click "ECS Studio" in the activity bar. Ctrl+C stops the demo.');
  await new Promise<never>(() => undefined);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
