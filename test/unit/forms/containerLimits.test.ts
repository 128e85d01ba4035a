// The container rules' numeric limits, each pinned from both sides with the message the user
// reads: memory (6 MiB, the reservation against the limit and the task), container and host
// ports (1 to 65535), port ranges (first lower, within 1-65535), health check ranges, and the
// protocol and application protocol texts (mutation testing, docs/mutation.md).

import * as assert from 'node:assert/strict';
import { validateRegisterRequestJson } from '../../../src/forms/validateTaskDefinition';
import type { JsonIssue } from '../../../src/forms/validateTaskDefinition';
import { fargateRequest } from './builders';

type Json = Record<string, unknown>;

/** An EC2 request in `networkMode` with one container `web` carrying `container`. */
function ec2(container: Json, patch: Json = {}): Json {
  return {
    family: 'limits',
    requiresCompatibilities: ['EC2'],
    networkMode: 'bridge',
    containerDefinitions: [{ name: 'web', image: 'nginx:1.27', ...container }],
    ...patch,
  };
}


function check(request: Json): { errors: JsonIssue[]; warnings: JsonIssue[] } {
  return validateRegisterRequestJson(JSON.stringify(request, null, 2));
}

/** [path, code, message] of each error. */
function errors(request: Json): Array<[string, string, string]> {
  return check(request).errors.map((e) => [e.path, e.code, e.message]);
}

const C = 'containerDefinitions[0]';

describe('container limits', () => {
  describe('memory: at least 6 MiB, the limit not below the reservation, neither above the task', () => {
    it('accepts 6 MiB reserved and 6 MiB as the limit', () => {
      assert.deepEqual(errors(ec2({ memoryReservation: 6, memory: 6 })), []);
    });
    it('refuses 5 MiB reserved and 5 MiB as the limit, each with its own message', () => {
      assert.deepEqual(errors(ec2({ memoryReservation: 5 })), [
        [`${C}.memoryReservation`, 'MEMORY_RESERVATION_TOO_SMALL', 'Reserve at least 6 MiB: Docker won\'t start a container with less.'],
      ]);
      assert.deepEqual(errors(ec2({ memory: 5 })), [
        [`${C}.memory`, 'CONTAINER_MEMORY_TOO_SMALL', 'Give the container at least 6 MiB: Docker won\'t start a container with less.'],
      ]);
    });
    it('lets a reservation and a limit equal the task memory, and refuses one MiB more', () => {
      assert.deepEqual(errors(fargateRequest({ memoryReservation: 512, memory: 512 })), []);
      assert.deepEqual(errors(fargateRequest({ memoryReservation: 513, memory: 513 })), [
        [`${C}.memoryReservation`, 'MEMORY_RESERVATION_EXCEEDS_TASK', 'This container reserves 513 MiB, more than the task\'s 0.5 GB (512 MiB): lower the reservation or raise the task memory.'],
        [`${C}.memory`, 'CONTAINER_MEMORY_EXCEEDS_TASK', 'This container\'s memory limit, 513 MiB, is more than the task\'s 0.5 GB (512 MiB).'],
      ]);
    });
    it('refuses a limit one MiB below the reservation', () => {
      assert.deepEqual(errors(ec2({ memoryReservation: 256, memory: 255 })), [
        [`${C}.memory`, 'CONTAINER_MEMORY_BELOW_RESERVATION', 'The memory limit (255 MiB) can\'t be less than the memory reservation (256 MiB).'],
      ]);
    });
    it('adds up the reservations of several containers against the task memory, at the limit and one over', () => {
      const two = (a: number, b: number) => fargateRequest({}, {
        containerDefinitions: [
          { name: 'web', image: 'nginx:1.27', memoryReservation: a },
          { name: 'log', image: 'nginx:1.27', memoryReservation: b, essential: false },
        ],
      });
      assert.deepEqual(errors(two(256, 256)), []);
      assert.deepEqual(errors(two(256, 257)), [
        ['memory', 'MEMORY_RESERVATIONS_EXCEED_TASK', 'The containers reserve 513 MiB together, more than the task\'s 0.5 GB (512 MiB): lower the reservations or raise the task memory.'],
      ]);
    });
    it('leaves a single container over the task to its own error (no sum error for one reservation)', () => {
      const codes = check(fargateRequest({ memoryReservation: 600 })).errors.map((e) => e.code);
      assert.deepEqual(codes, ['MEMORY_RESERVATION_EXCEEDS_TASK']);
    });
    it('asks an EC2 container for memory only when the task has none', () => {
      assert.deepEqual(errors(ec2({})), [
        [`${C}.memoryReservation`, 'CONTAINER_MEMORY_REQUIRED', 'Without a task memory size, each container needs a memory reservation (in MiB): set one here, or set the task memory.'],
      ]);
      assert.deepEqual(errors(ec2({}, { memory: '512' })), []);
      assert.deepEqual(errors(ec2({ memory: 128 })), []);
      assert.deepEqual(errors(ec2({ memoryReservation: 128 })), []);
    });
  });

  describe('container and host ports: 1 to 65535', () => {
    const port = (p: Json) => ec2({ memory: 128, portMappings: [p] });
    const cases: Array<[number, boolean]> = [[0, false], [1, true], [2, true], [65534, true], [65535, true], [65536, false]];
    for (const [n, ok] of cases) {
      it(`${ok ? 'accepts' : 'refuses'} container port ${n}`, () => {
        assert.deepEqual(errors(port({ containerPort: n })), ok ? [] : [
          [`${C}.portMappings[0].containerPort`, 'PORT_RANGE', `Port ${n} is out of range: use a number from 1 to 65535.`],
        ]);
      });
    }
    // Bridge mode: hostPort 0 asks for a dynamic port, so the host range starts at 0.
    const hostCases: Array<[number, boolean]> = [[-1, false], [0, true], [1, true], [65535, true], [65536, false]];
    for (const [n, ok] of hostCases) {
      it(`${ok ? 'accepts' : 'refuses'} host port ${n} in bridge mode`, () => {
        assert.deepEqual(errors(port({ containerPort: 80, hostPort: n })), ok ? [] : [
          [`${C}.portMappings[0].hostPort`, 'PORT_RANGE', `Host port ${n} is out of range: use a number from 1 to 65535.`],
        ]);
      });
    }
    it('needs the host port to be the container port in awsvpc and host mode, and on Fargate', () => {
      assert.deepEqual(errors(fargateRequest({ portMappings: [{ containerPort: 80, hostPort: 80 }] })), []);
      assert.deepEqual(errors(fargateRequest({ portMappings: [{ containerPort: 80, hostPort: 8080 }] })), [
        [`${C}.portMappings[0].hostPort`, 'HOST_PORT_MISMATCH', 'In awsvpc mode the host port is the container port: remove hostPort or set it to 80.'],
      ]);
      assert.deepEqual(errors(ec2({ memory: 128, portMappings: [{ containerPort: 80, hostPort: 81 }] }, { networkMode: 'host' })), [
        [`${C}.portMappings[0].hostPort`, 'HOST_PORT_MISMATCH', 'In host mode the host port is the container port: remove hostPort or set it to 80.'],
      ]);
      assert.deepEqual(errors(ec2({ memory: 128, portMappings: [{ containerPort: 80, hostPort: 81 }] })), []);
    });
  });

  describe('port ranges: the first port lower, both from 1 to 65535', () => {
    const ranged = (r: string) => fargateRequest({ portMappings: [{ containerPortRange: r }] });
    const ok = ['1-2', '65534-65535', ' 8000 - 8100 '];
    for (const r of ok) it(`accepts ${JSON.stringify(r)}`, () => assert.deepEqual(errors(ranged(r)), []));
    const bad = ['0-5', '65535-65536', '8000-8000', '8100-8000', '8000', '8000-', 'a-b', '123456-123457'];
    for (const r of bad) {
      it(`refuses ${JSON.stringify(r)}`, () => {
        assert.deepEqual(errors(ranged(r)), [[`${C}.portMappings[0].containerPortRange`, 'PORT_RANGE_INVALID',
          `"${r}" isn't a port range: write the first and last port, like "8000-8100" (from 1 to 65535, the first lower).`]]);
      });
    }
    it('maps every port of a range, its first and last ones included', () => {
      const request = (p: Json) => fargateRequest({ portMappings: [{ containerPortRange: '8000-8002' }, p] });
      for (const n of [8000, 8001, 8002]) {
        assert.deepEqual(errors(request({ containerPort: n })), [[`${C}.portMappings[1].containerPort`, 'PORT_DUPLICATE',
          `Port ${n}/tcp is already mapped in this container: map each port once per protocol.`]]);
      }
      assert.deepEqual(errors(request({ containerPort: 7999 })), []);
      assert.deepEqual(errors(request({ containerPort: 8003 })), []);
    });
    it('reports a range that overlaps another once, at the range', () => {
      assert.deepEqual(errors(fargateRequest({ portMappings: [{ containerPortRange: '8000-8010' }, { containerPortRange: '8005-8020' }] })), [
        [`${C}.portMappings[1].containerPortRange`, 'PORT_DUPLICATE', 'Port 8005/tcp is already mapped in this container: map each port once per protocol.'],
      ]);
    });
    it('refuses ranges in host and none mode', () => {
      for (const mode of ['host', 'none']) {
        assert.deepEqual(errors(ec2({ memory: 128, portMappings: [{ containerPortRange: '8000-8100' }] }, { networkMode: mode })), [
          [`${C}.portMappings[0].containerPortRange`, 'PORT_RANGE_NETWORK_MODE', `Port ranges work in the awsvpc and bridge network modes, not ${mode}.`],
        ]);
      }
    });
  });

  describe('protocols', () => {
    const proto = (p: Json) => fargateRequest({ portMappings: [{ containerPort: 80, ...p }] });
    it('asks for lowercase tcp and udp, and names a protocol that is neither', () => {
      assert.deepEqual(errors(proto({ protocol: 'TCP' })), [[`${C}.portMappings[0].protocol`, 'PROTOCOL_INVALID', 'Protocols are lowercase: write tcp.']]);
      assert.deepEqual(errors(proto({ protocol: 'Udp' })), [[`${C}.portMappings[0].protocol`, 'PROTOCOL_INVALID', 'Protocols are lowercase: write udp.']]);
      assert.deepEqual(errors(proto({ protocol: 'sctp' })), [[`${C}.portMappings[0].protocol`, 'PROTOCOL_INVALID', 'The protocol must be tcp or udp, not "sctp".']]);
      assert.deepEqual(errors(proto({ protocol: 'udp' })), []);
    });
    it('takes http, http2 and grpc as application protocols, names anything else', () => {
      for (const app of ['http', 'http2', 'grpc']) assert.deepEqual(errors(proto({ name: 'api', appProtocol: app })), []);
      assert.deepEqual(errors(proto({ name: 'api', appProtocol: 'HTTP' })), [
        [`${C}.portMappings[0].appProtocol`, 'APP_PROTOCOL_INVALID', 'The application protocol must be http, http2 or grpc, not "HTTP".'],
      ]);
    });
    it('warns about an application protocol on a udp port, and on a port without a name', () => {
      const w = check(proto({ protocol: 'udp', appProtocol: 'grpc' })).warnings.map((i) => [i.path, i.code, i.message]);
      assert.deepEqual(w, [
        [`${C}.portMappings[0].appProtocol`, 'APP_PROTOCOL_WITHOUT_NAME', 'The application protocol only matters to Service Connect, which finds ports by name: give this port a name.'],
        [`${C}.portMappings[0].appProtocol`, 'APP_PROTOCOL_UDP', 'grpc runs over tcp, but this port is udp: set the protocol to tcp or clear the application protocol.'],
      ]);
      assert.deepEqual(check(proto({ name: 'api', appProtocol: 'grpc' })).warnings, []);
      assert.deepEqual(check(proto({ appProtocol: '' })).warnings, []);
    });
  });


  describe('ports shared across the task, and port names', () => {
    const two = (mode: string | undefined, a: Json, b: Json, patch: Json = {}) => ({
      ...ec2({}, { networkMode: mode, ...patch }),
      containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', memory: 128, portMappings: [a] },
        { name: 'side', image: 'nginx:1.27', memory: 128, portMappings: [b] },
      ],
    });
    it('lets two containers map one port in bridge mode, not in host mode', () => {
      assert.deepEqual(errors(two('bridge', { containerPort: 80 }, { containerPort: 80 })), []);
      assert.deepEqual(errors(two('host', { containerPort: 80 }, { containerPort: 80 })), [[`containerDefinitions[1].portMappings[0].containerPort`, 'PORT_CONFLICT',
        'Port 80/tcp is also used by the web container: in host mode all containers share one network, so each port can be used once per task.']]);
    });
    it('names an unnamed container by its place', () => {
      const request = two('awsvpc', { containerPort: 80 }, { containerPort: 80 });
      (request.containerDefinitions as Json[])[0].name = '';
      const conflict = check(request).errors.find((e) => e.code === 'PORT_CONFLICT');
      assert.equal(conflict?.message, 'Port 80/tcp is also used by the container 1 container: in awsvpc mode all containers share one network, so each port can be used once per task.');
    });
    it('says a port name is already used in this container', () => {
      assert.deepEqual(errors(ec2({ memory: 128, portMappings: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'http' }] })), [
        [`${C}.portMappings[1].name`, 'PORT_NAME_DUPLICATE', 'The port name http is already used in this container: port names must be unique in the task definition.'],
      ]);
    });
    it('names the characters a port name can\'t have', () => {
      assert.deepEqual(errors(ec2({ memory: 128, portMappings: [{ containerPort: 80, name: 'Http' }] })), [
        [`${C}.portMappings[0].name`, 'PORT_NAME_INVALID', 'A port name uses lowercase letters, digits, _ and -; "Http" has "H".'],
      ]);
      assert.deepEqual(errors(ec2({ memory: 128, portMappings: [{ containerPort: 80, name: '-h-' }] })), [
        [`${C}.portMappings[0].name`, 'PORT_NAME_INVALID', 'A port name can\'t start with a hyphen.'],
      ]);
      assert.deepEqual(errors(ec2({ memory: 128, portMappings: [{ containerPort: 80, name: '_h-1' }] })), []);
    });
  });

  describe('health check ranges, at each end', () => {
    const hc = (patch: Json) => fargateRequest({ healthCheck: { command: ['CMD-SHELL', 'true'], ...patch } });
    it('accepts every range\'s first and last value', () => {
      assert.deepEqual(errors(hc({ interval: 5, timeout: 2, retries: 1, startPeriod: 0 })), []);
      assert.deepEqual(errors(hc({ interval: 300, timeout: 60, retries: 10, startPeriod: 300 })), []);
    });
    it('refuses one below each range\'s start, saying too low', () => {
      assert.deepEqual(errors(hc({ interval: 4, timeout: 1, retries: 0, startPeriod: -1 })).map((e) => e[2]), [
        'The health check interval must be 5 to 300 seconds; 4 is too low.',
        'The health check timeout must be 2 to 60 seconds; 1 is too low.',
        'The number of health check retries must be 1 to 10; 0 is too low.',
        'The health check start period must be 0 to 300 seconds; -1 is too low.',
      ]);
    });
    it('refuses one above each range\'s end, saying too high', () => {
      assert.deepEqual(errors(hc({ interval: 301, timeout: 61, retries: 11, startPeriod: 301 })).map((e) => [e[0], e[1], e[2]]), [
        [`${C}.healthCheck.interval`, 'HEALTH_CHECK_INTERVAL', 'The health check interval must be 5 to 300 seconds; 301 is too high.'],
        [`${C}.healthCheck.timeout`, 'HEALTH_CHECK_TIMEOUT', 'The health check timeout must be 2 to 60 seconds; 61 is too high.'],
        [`${C}.healthCheck.retries`, 'HEALTH_CHECK_RETRIES', 'The number of health check retries must be 1 to 10; 11 is too high.'],
        [`${C}.healthCheck.startPeriod`, 'HEALTH_CHECK_START_PERIOD', 'The health check start period must be 0 to 300 seconds; 301 is too high.'],
      ]);
    });
    it('points a command with nothing after CMD at the next argument', () => {
      assert.deepEqual(errors(hc({ command: ['CMD'] })), [[`${C}.healthCheck.command[1]`, 'HEALTH_CHECK_COMMAND_REQUIRED',
        'Add the command to run after CMD, for example CMD-SHELL, curl -f http://localhost:8080/ || exit 1.']]);
      assert.deepEqual(errors(hc({ command: ['CMD', 'true'] })), []);
      assert.deepEqual(errors(hc({ command: ['CMD-SHELL', ' ', 'x'] })), []);
    });
    it('asks for capitals, or names the word a command starts with', () => {
      assert.deepEqual(errors(hc({ command: ['Cmd', 'true'] })), [[`${C}.healthCheck.command[0]`, 'HEALTH_CHECK_COMMAND_PREFIX',
        'Write CMD in capitals: ECS only recognises CMD and CMD-SHELL.']]);
      assert.deepEqual(errors(hc({ command: ['curl', 'x'] })), [[`${C}.healthCheck.command[0]`, 'HEALTH_CHECK_COMMAND_PREFIX',
        'A health check command starts with CMD (run a program directly) or CMD-SHELL (run it in the container\'s shell), then the command; this one starts with "curl".']]);
    });
  });

  describe('edges across containers', () => {
    const named = (names: string[], each: Json = {}, patch: Json = {}) => fargateRequest({}, {
      containerDefinitions: names.map((name, i) => ({ name, image: 'nginx:1.27', essential: i === 0, ...each })), ...patch,
    });
    it('calls a repeated name a duplicate only when the name itself is valid', () => {
      assert.deepEqual(check(named(['a/b', 'a/b'])).errors.map((e) => e.code), ['CONTAINER_NAME_INVALID', 'CONTAINER_NAME_INVALID']);
      assert.deepEqual(check(named(['', ''])).errors.map((e) => e.code), ['CONTAINER_NAME_REQUIRED', 'CONTAINER_NAME_REQUIRED']);
    });
    it('adds up reservations only when more than one container reserves memory', () => {
      const request = fargateRequest({}, { containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', memoryReservation: 600 },
        { name: 'side', image: 'nginx:1.27', essential: false },
      ] });
      assert.deepEqual(check(request).errors.map((e) => e.code), ['MEMORY_RESERVATION_EXCEEDS_TASK']);
    });
    it('shares ports on Fargate without a network mode, as in awsvpc, and not on EC2 without one', () => {
      const same = named(['web', 'side'], { portMappings: [{ containerPort: 80 }] }, { networkMode: undefined });
      assert.deepEqual(errors(same).find((e) => e[1] === 'PORT_CONFLICT'), ['containerDefinitions[1].portMappings[0].containerPort', 'PORT_CONFLICT',
        'Port 80/tcp is also used by the web container: in awsvpc mode all containers share one network, so each port can be used once per task.']);
      const onEc2 = { ...ec2({}), containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', memory: 128, portMappings: [{ containerPort: 80 }] },
        { name: 'side', image: 'nginx:1.27', memory: 128, portMappings: [{ containerPort: 80 }] },
      ], networkMode: undefined };
      assert.deepEqual(errors(onEc2), []);
    });
    it('names the first container that took a port, reports one conflict per mapping', () => {
      const three = named(['web', 'side', 'third'], { portMappings: [{ containerPort: 80 }] });
      assert.deepEqual(errors(three).map((e) => e[2]), [
        'Port 80/tcp is also used by the web container: in awsvpc mode all containers share one network, so each port can be used once per task.',
        'Port 80/tcp is also used by the web container: in awsvpc mode all containers share one network, so each port can be used once per task.',
      ]);
      const ranges = fargateRequest({}, { containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', portMappings: [{ containerPortRange: '8000-8010' }] },
        { name: 'side', image: 'nginx:1.27', essential: false, portMappings: [{ containerPortRange: '8005-8020' }] },
      ] });
      assert.deepEqual(errors(ranges).map((e) => [e[1], e[2].slice(0, 15)]), [['PORT_CONFLICT', 'Port 8005/tcp i']]);
    });
    it('maps no port that is out of range: the same bad port twice is only out of range', () => {
      for (const n of [0, 70000]) {
        assert.deepEqual(check(ec2({ memory: 128, portMappings: [{ containerPort: n }, { containerPort: n }] })).errors.map((e) => e.code), ['PORT_RANGE', 'PORT_RANGE']);
      }
    });
    it('maps ports 1 and 65535, so each twice is a duplicate', () => {
      for (const n of [1, 65535]) {
        assert.deepEqual(check(ec2({ memory: 128, portMappings: [{ containerPort: n }, { containerPort: n }] })).errors.map((e) => e.code), ['PORT_DUPLICATE']);
      }
    });
    it('keeps each container\'s image at its place when one can\'t be read (the ECR role error names the right container)', () => {
      const request = fargateRequest({}, { executionRoleArn: undefined, containerDefinitions: [
        { name: 'first', image: 5 },
        { name: 'second', image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1', essential: false },
      ] });
      const ecr = check(request).errors.filter((e) => e.code === 'EXECUTION_ROLE_REQUIRED_ECR').map((e) => e.message);
      assert.deepEqual(ecr, ['On Fargate, pulling second\'s image from a private ECR repository needs a task execution role: choose one, such as ecsTaskExecutionRole.']);
    });
    it('reads an empty application protocol as none', () => {
      assert.deepEqual(errors(fargateRequest({ portMappings: [{ containerPort: 80, appProtocol: '' }] })), []);
    });
    it('anchors a port range at both ends', () => {
      for (const r of ['x8000-8100', '8000-8100x']) {
        assert.deepEqual(check(fargateRequest({ portMappings: [{ containerPortRange: r }] })).errors.map((e) => e.code), ['PORT_RANGE_INVALID']);
      }
    });
    it('tells a name starting with hyphens apart from one with other bad characters', () => {
      const nameMessage = (name: string) => check(ec2({ memory: 128, portMappings: [{ containerPort: 80, name }] })).errors[0]?.message;
      assert.equal(nameMessage('--h'), 'A port name can\'t start with a hyphen.');
      assert.equal(nameMessage('-H'), 'A port name uses lowercase letters, digits, _ and -; "-H" has "H".');
    });
    it('asks for the command after CMD-SHELL when the rest is blank', () => {
      assert.deepEqual(errors(fargateRequest({ healthCheck: { command: ['CMD-SHELL', '  '] } })), [[`${C}.healthCheck.command[1]`, 'HEALTH_CHECK_COMMAND_REQUIRED',
        'Add the command to run after CMD-SHELL, for example CMD-SHELL, curl -f http://localhost:8080/ || exit 1.']]);
    });
  });
});
