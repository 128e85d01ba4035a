// fast-check generators shared by the fuzz tests: text a person might type (valid values, near
// misses, garbage), the two forms in the shape the host accepts from a webview, and JSON.
import fc from 'fast-check';
import { APPLICATION_PROTOCOLS, COMPATIBILITIES, CPU_ARCHITECTURES, NETWORK_MODES, OPERATING_SYSTEM_FAMILIES } from '../../../src/model/ecsRequest';
import type { ContainerForm, TaskDefinitionForm } from '../../../src/forms/taskDefinitionFormModel';
import { aContainer, aForm, tutorialForm } from '../forms/builders';

/** Values that trip parsers: blanks, signs, exponents, huge numbers, unicode digits, markup. */
export const NASTY = [
  '', ' ', '\t', '\n', '0', '-0', '-1', '+1', '1e3', '1.5', '0x10', '1_000', '٣', '１０２４', 'NaN', 'Infinity',
  '99999999999999999999', '2147483648', ' 1024 ', '1 vCPU', '0.25 vCPU', '3 GB', '512 MiB', 'null', 'undefined',
  '__proto__', 'constructor', 'toString', '<script>alert(1)</script>', '"', '\\', '\u0000', '\uD800', '💥', 'é',
  'arn:aws:iam::123456789012:role/', 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', 'a'.repeat(300),
];

/** A field of a form: usually something plausible, sometimes anything. */
export function typed(...plausible: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...plausible) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  );
}

const list = <T>(item: fc.Arbitrary<T>, maxLength = 3): fc.Arbitrary<T[]> => fc.array(item, { maxLength });

const container: fc.Arbitrary<ContainerForm> = fc.record({
  name: typed('web', 'app', 'sidecar', 'web-1', 'my_app'),
  image: typed('nginx:1.27', '123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/demo-service:latest', 'public.ecr.aws/nginx/nginx', 'ghcr.io/o/i@sha256:' + 'a'.repeat(64)),
  essential: fc.boolean(),
  portMappings: list(fc.record({
    containerPort: typed('80', '8080', '443', '65535', '65536', '0'),
    protocol: fc.constantFrom('tcp' as const, 'udp' as const),
    name: typed('', 'http', 'web-port'),
    appProtocol: fc.constantFrom('' as const, ...APPLICATION_PROTOCOLS),
  })),
  environment: list(fc.record({ name: typed('PORT', 'NODE_ENV', '1BAD', 'A B'), value: typed('8080', '', 'x') })),
  secrets: list(fc.record({ name: typed('DB_PASSWORD', 'TOKEN'), valueFrom: typed('arn:aws:secretsmanager:ap-northeast-2:123456789012:secret:db-AbCdEf', 'arn:aws:ssm:ap-northeast-2:123456789012:parameter/db', '/db/password', 'db') })),
  command: list(typed('npm', 'start', '')),
  entryPoint: list(typed('sh', '-c', '')),
  healthCheck: fc.record({
    enabled: fc.boolean(),
    command: list(typed('CMD-SHELL', 'CMD', 'curl -f http://localhost/ || exit 1', ''), 4),
    interval: typed('30', '5', '300', '301', ''),
    timeout: typed('5', '2', '60', '61', ''),
    retries: typed('3', '1', '10', '11', ''),
    startPeriod: typed('', '0', '300', '301'),
  }),
  memoryReservation: typed('', '512', '128', '4096', '0'),
  logging: fc.record({
    driver: fc.constantFrom('awslogs' as const, 'none' as const),
    group: typed('', '/ecs/web', 'bad group name'),
    region: typed('ap-northeast-2', 'us-east-1', '', 'mars-1'),
    streamPrefix: typed('ecs', '', 'a/b'),
    createGroup: fc.boolean(),
  }),
});

/** A task definition form as a webview may send it: every field of the right type, any content. */
const anyTaskDefinitionForm: fc.Arbitrary<TaskDefinitionForm> = fc.record({
  family: typed('web-task', 'demo-ecs-task', 'a', 'bad family'),
  requiresCompatibilities: fc.subarray([...COMPATIBILITIES]),
  networkMode: fc.constantFrom('' as const, ...NETWORK_MODES),
  operatingSystemFamily: fc.constantFrom(...OPERATING_SYSTEM_FAMILIES),
  cpuArchitecture: fc.constantFrom(...CPU_ARCHITECTURES),
  cpu: typed('256', '512', '1024', '2048', '4096', '8192', '16384', '1 vCPU', ''),
  memory: typed('512', '1024', '2048', '3072', '8192', '30720', '3 GB', ''),
  taskRoleArn: typed('', 'arn:aws:iam::123456789012:role/app', 'app-role'),
  executionRoleArn: typed('arn:aws:iam::123456789012:role/ecsTaskExecutionRole', ''),
  containers: fc.array(container, { maxLength: 3 }),
  tags: list(fc.record({ key: typed('team', '', 'aws:x'), value: typed('web', '') })),
});

/** JSON values with keys that collide with Object.prototype now and then. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ unit: 'binary', maxLength: 10 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** `valid` with a few of its fields (and of its first container's) taken from `other`. */
function mix<T extends object>(valid: T, other: T, keys: ReadonlyArray<keyof T>): T {
  const out = { ...valid };
  for (const key of keys) out[key] = other[key];
  return out;
}

const FORM_KEYS = Object.keys(aForm()) as Array<keyof TaskDefinitionForm>;
const CONTAINER_KEYS = Object.keys(aContainer()) as Array<keyof ContainerForm>;

/**
 * Task definition forms, half of them a valid form with one to three fields changed to anything
 * (so that both outcomes, a request and errors, are reached often), half anything.
 */
export const taskDefinitionForm: fc.Arbitrary<TaskDefinitionForm> = fc.oneof(
  anyTaskDefinitionForm,
  fc.tuple(anyTaskDefinitionForm, container, fc.subarray(FORM_KEYS, { maxLength: 2 }), fc.subarray(CONTAINER_KEYS, { maxLength: 2 }), fc.constantFrom(aForm(), tutorialForm()))
    .map(([other, otherContainer, keys, containerKeys, valid]) => {
      const form = mix(valid, other, keys);
      return form.containers.length === 0 ? form : { ...form, containers: [mix(form.containers[0], otherContainer, containerKeys), ...form.containers.slice(1)] };
    }),
);

type Leaf = { path: Array<string | number>; kind: 'string' | 'boolean' | 'strings' };

function leavesOf(value: unknown, path: Array<string | number> = []): Leaf[] {
  if (typeof value === 'string') return [{ path, kind: 'string' }];
  if (typeof value === 'boolean') return [{ path, kind: 'boolean' }];
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) return [{ path, kind: 'strings' }];
    return value.flatMap((v, i) => leavesOf(v, [...path, i]));
  }
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => leavesOf(v, [...path, k]));
  return [];
}

function setAt<T>(value: T, path: ReadonlyArray<string | number>, leaf: unknown): T {
  if (path.length === 0) return leaf as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = setAt(copy[head], rest, leaf);
  return copy as T;
}

/**
 * `valid` with one to three of its leaves (text, switches, lists of text) replaced by generated
 * values of the same type: `words` first (the form's own choices, ids and numbers), else
 * anything. Works on any form; the caller filters with the host's shape check.
 */
export function mutated<T>(valid: T, words: readonly string[]): fc.Arbitrary<T> {
  const leaves = leavesOf(valid);
  const text = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...words) }, { weight: 2, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) });
  const change = fc.constantFrom(...leaves).chain((leaf) => (leaf.kind === 'boolean' ? fc.boolean() : leaf.kind === 'string' ? text : fc.array(text, { maxLength: 4 })).map((v) => ({ leaf, v })));
  return fc.array(change, { minLength: 1, maxLength: 3 }).map((changes) => changes.reduce((form, { leaf, v }) => setAt(form, leaf.path, v), valid));
}

/** Every text a value holds, for `mutated`'s words. */
export function wordsOf(...values: unknown[]): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  values.forEach(walk);
  return [...out];
}
