import * as assert from 'node:assert/strict';
import {
  cpuChoices,
  cpuLabel,
  cpuSelectOptions,
  fargateCombinations,
  isValidFargateSize,
  memoryChoicesFor,
  memoryLabel,
  memorySelectOptions,
  parseCpuUnits,
  parseMemoryMiB,
} from '../../../src/model/fargateSizes';
import { aForm, assertBlocked, assertNoErrors } from '../forms/builders';
import { validateTaskDefinitionForm } from '../../../src/forms/validateTaskDefinition';

// The table as the design doc (section 3) and the AWS "Task CPU and memory" page state it,
// written out independently of the module under test.
function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}
const DOC_TABLE: ReadonlyArray<[cpu: number, memory: number[], windows: boolean]> = [
  [256, [512, 1024, 2048], false],
  [512, range(1024, 4096, 1024), false],
  [1024, range(2048, 8192, 1024), true],
  [2048, range(4096, 16384, 1024), true],
  [4096, range(8192, 30720, 1024), true],
  [8192, range(16384, 61440, 4096), false],
  [16384, range(32768, 122880, 8192), false],
];
const LINUX_PAIRS = DOC_TABLE.flatMap(([cpu, memory]) => memory.map((m) => ({ cpu, memory: m })));
const WINDOWS_PAIRS = DOC_TABLE.filter(([, , windows]) => windows).flatMap(([cpu, memory]) => memory.map((m) => ({ cpu, memory: m })));

describe('fargateSizes', () => {
  it('holds exactly the documented combinations (74 on Linux, 43 on Windows)', () => {
    assert.deepEqual(fargateCombinations('LINUX'), LINUX_PAIRS);
    assert.equal(LINUX_PAIRS.length, 74);
    assert.deepEqual(fargateCombinations('WINDOWS_SERVER_2022_CORE'), WINDOWS_PAIRS);
    assert.equal(WINDOWS_PAIRS.length, 43);
  });

  describe('every documented Linux combination is accepted', () => {
    for (const { cpu, memory } of LINUX_PAIRS) {
      it(`${cpuLabel(cpu)} with ${memoryLabel(memory)}`, () => {
        assert.equal(isValidFargateSize(cpu, memory, 'LINUX'), true);
        assert.equal(isValidFargateSize(String(cpu), String(memory)), true);
        for (const arch of ['X86_64', 'ARM64'] as const) {
          assertNoErrors(validateTaskDefinitionForm(aForm({ cpu: String(cpu), memory: String(memory), cpuArchitecture: arch })));
        }
      });
    }
  });

  describe('every documented Windows combination is accepted', () => {
    for (const { cpu, memory } of WINDOWS_PAIRS) {
      it(`${cpuLabel(cpu)} with ${memoryLabel(memory)}`, () => {
        assert.equal(isValidFargateSize(cpu, memory, 'WINDOWS_SERVER_2019_FULL'), true);
        assertNoErrors(validateTaskDefinitionForm(aForm({
          cpu: String(cpu), memory: String(memory), operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE',
        })));
      });
    }
  });

  it('offers the CPU and memory choices of the table', () => {
    assert.deepEqual(cpuChoices(), [256, 512, 1024, 2048, 4096, 8192, 16384]);
    assert.deepEqual(cpuChoices('WINDOWS_SERVER_2019_CORE'), [1024, 2048, 4096]);
    assert.deepEqual(memoryChoicesFor(256), [512, 1024, 2048]);
    assert.deepEqual(memoryChoicesFor('1 vCPU'), [2048, 3072, 4096, 5120, 6144, 7168, 8192]);
    assert.deepEqual(memoryChoicesFor(512, 'WINDOWS_SERVER_2019_CORE'), []);
    assert.deepEqual(memoryChoicesFor(999), []);
  });

  it('labels sizes the way people say them', () => {
    assert.deepEqual(cpuSelectOptions('WINDOWS_SERVER_2022_FULL'), [
      { value: '1024', label: '1 vCPU' }, { value: '2048', label: '2 vCPU' }, { value: '4096', label: '4 vCPU' },
    ]);
    assert.deepEqual(memorySelectOptions(256), [
      { value: '512', label: '0.5 GB' }, { value: '1024', label: '1 GB' }, { value: '2048', label: '2 GB' },
    ]);
    assert.equal(cpuLabel(256), '0.25 vCPU');
    assert.equal(cpuLabel(128), '0.125 vCPU');
    assert.equal(cpuLabel(100), '100 CPU units');
    assert.equal(memoryLabel(3072), '3 GB');
    assert.equal(memoryLabel(1536), '1.5 GB');
    assert.equal(memoryLabel(1000), '1000 MiB');
  });

  it('reads CPU and memory the way ECS does', () => {
    assert.equal(parseCpuUnits('1024'), 1024);
    assert.equal(parseCpuUnits('1 vCPU'), 1024);
    assert.equal(parseCpuUnits('.25 vcpu'), 256);
    assert.equal(parseCpuUnits('0.3 vCPU'), undefined);
    assert.equal(parseCpuUnits('lots'), undefined);
    assert.equal(parseMemoryMiB('3GB'), 3072);
    assert.equal(parseMemoryMiB('0.5 GB'), 512);
    assert.equal(parseMemoryMiB('3072'), 3072);
    assert.equal(parseMemoryMiB('3 TB'), undefined);
  });

  describe('invalid combinations are refused with a message that says what to pick', () => {
    const cases: Array<{ cpu: string; memory: string; os?: string; path: string; code: string; message: string }> = [
      { cpu: '256', memory: '3072', path: 'memory', code: 'FARGATE_MEMORY',
        message: "Memory 3 GB isn't available with 0.25 vCPU on Fargate: choose 0.5, 1 or 2 GB, or raise the CPU." },
      { cpu: '512', memory: '512', path: 'memory', code: 'FARGATE_MEMORY',
        message: "Memory 0.5 GB isn't available with 0.5 vCPU on Fargate: choose 1, 2, 3 or 4 GB, or lower the CPU." },
      { cpu: '1024', memory: '1024', path: 'memory', code: 'FARGATE_MEMORY',
        message: "Memory 1 GB isn't available with 1 vCPU on Fargate: choose 2 to 8 GB in 1 GB steps, or lower the CPU." },
      { cpu: '2048', memory: '20480', path: 'memory', code: 'FARGATE_MEMORY',
        message: "Memory 20 GB isn't available with 2 vCPU on Fargate: choose 4 to 16 GB in 1 GB steps, or raise the CPU." },
      { cpu: '4096', memory: '31744', path: 'memory', code: 'FARGATE_MEMORY',
        message: "Memory 31 GB isn't available with 4 vCPU on Fargate: choose 8 to 30 GB in 1 GB steps." },
      { cpu: '8192', memory: '18432', path: 'memory', code: 'FARGATE_MEMORY',
        message: "Memory 18 GB isn't available with 8 vCPU on Fargate: choose 16 to 60 GB in 4 GB steps, or lower the CPU." },
      { cpu: '16384', memory: '36864', path: 'memory', code: 'FARGATE_MEMORY',
        message: "Memory 36 GB isn't available with 16 vCPU on Fargate: choose 32 to 120 GB in 8 GB steps, or lower the CPU." },
      { cpu: '2048', memory: '1536', path: 'memory', code: 'FARGATE_MEMORY',
        message: "Memory 1.5 GB isn't available with 2 vCPU on Fargate: choose 4 to 16 GB in 1 GB steps." },
      { cpu: '768', memory: '2048', path: 'cpu', code: 'FARGATE_CPU',
        message: "0.75 vCPU isn't a Fargate size: choose 0.25, 0.5, 1, 2, 4, 8 or 16 vCPU." },
      { cpu: '512', memory: '1024', os: 'WINDOWS_SERVER_2019_CORE', path: 'cpu', code: 'FARGATE_WINDOWS_CPU',
        message: 'Windows containers on Fargate need at least 1 vCPU: choose 1, 2 or 4 vCPU.' },
      { cpu: '8192', memory: '16384', os: 'WINDOWS_SERVER_2022_FULL', path: 'cpu', code: 'FARGATE_WINDOWS_CPU',
        message: '8 vCPU on Fargate is for Linux only: choose 1, 2 or 4 vCPU.' },
    ];
    for (const c of cases) {
      it(`${c.cpu} CPU units with ${c.memory} MiB${c.os ? ` on ${c.os}` : ''}`, () => {
        const os = (c.os ?? 'LINUX') as 'LINUX';
        assert.equal(isValidFargateSize(c.cpu, c.memory, os), false);
        assertBlocked(aForm({ cpu: c.cpu, memory: c.memory, operatingSystemFamily: os }), c.path, c.code, c.message);
      });
    }
  });

  it('asks for a size on Fargate, and reads "1 vCPU" / "3 GB" as typed', () => {
    assertBlocked(aForm({ cpu: '' }), 'cpu', 'CPU_REQUIRED', 'Fargate needs a task CPU size: choose one, for example 1 vCPU.');
    assertBlocked(aForm({ memory: '' }), 'memory', 'MEMORY_REQUIRED', 'Fargate needs a task memory size: choose one, for example 3 GB.');
    assertBlocked(aForm({ cpu: 'fast' }), 'cpu', 'CPU_INVALID', '"fast" isn\'t a CPU size: use CPU units such as 1024, or vCPUs such as 1 vCPU.');
    assertNoErrors(validateTaskDefinitionForm(aForm({ cpu: '1 vCPU', memory: '3 GB' })));
  });

  it('leaves EC2 sizes free within ECS limits', () => {
    assertNoErrors(validateTaskDefinitionForm(aForm({ requiresCompatibilities: ['EC2'], cpu: '768', memory: '1000' })));
    assertBlocked(aForm({ requiresCompatibilities: ['EC2'], cpu: '64' }), 'cpu', 'TASK_CPU_RANGE');
  });
});
