// The Create Service form on random and malformed input (issue 14): validation and planning never
// throw, and give a plan or errors, never both, for any form the host accepts from the webview
// (a valid form with one to three fields changed to anything) and any facts read so far.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeServicePlan, planServiceCreation } from '../../../src/forms/serviceCreationPlan';
import { FARGATE_CAPACITY_PROVIDERS, PROPAGATE_TAGS } from '../../../src/model/serviceRequest';
import { isServiceForm } from '../../../src/webviews/serviceFormProtocol';
import { ALB_ARN, LISTENER_ARN, TG_ARN, newAlbServiceForm, tutorialFacts, tutorialServiceForm } from '../forms/serviceBuilders';
import { mutated, wordsOf } from './arbitraries';

const CHOICES = ['launchType', 'capacityProviderStrategy', 'none', 'existing', 'new', 'loadBalancer', 'cidr', ...FARGATE_CAPACITY_PROVIDERS, ...PROPAGATE_TAGS];
const WORDS = [...wordsOf(tutorialServiceForm(), newAlbServiceForm(), tutorialFacts()), ...CHOICES, ALB_ARN, LISTENER_ARN, TG_ARN, '0.0.0.0/0', '10.0.0.0/33', '65535', '65536', '100', '200', '2147483648'];

const form = fc.oneof(mutated(tutorialServiceForm(), WORDS), mutated(newAlbServiceForm(), WORDS)).filter(isServiceForm);
const facts = fc.constantFrom({}, tutorialFacts(), tutorialFacts({ existingServiceNames: ['demo-ecs-service'] }), tutorialFacts({ taskDefinition: undefined }));

describe('fuzz: the Create Service form', () => {
  it('never throws; a plan exactly when there are no errors (3,000 forms)', () => {
    const outcomes = { plan: 0, errors: 0 };
    fc.assert(fc.property(form, facts, (f, k) => {
      const result = planServiceCreation(f, k);
      assert.equal(result.errors.length > 0, result.plan === undefined, 'a plan exactly when there are no errors');
      for (const issue of [...result.errors, ...result.warnings]) assert.ok(typeof issue.path === 'string' && issue.message.length > 0);
      if (result.plan) {
        outcomes.plan++;
        assert.ok(result.plan.steps.some((s) => s.kind === 'createService'), 'every plan creates the service');
        assert.equal(describeServicePlan(result.plan).length, result.plan.steps.length);
      } else {
        outcomes.errors++;
      }
    }), { numRuns: 3000 });
    assert.ok(outcomes.plan > 100 && outcomes.errors > 100, JSON.stringify(outcomes));
  });
});
