import { readFileSync } from 'node:fs';
import { findEnvironment, loadInfraConfig } from '../../../src/config/load-config';
import { parseInfraConfig } from '../../../src/config/parse-config';
import { ConfigError } from '../../../src/errors';
import { DEFAULT_CONFIG_FILE } from '../../../src/paths';

// biome-ignore lint/suspicious/noExplicitAny: the tests edit copies of the JSON document freely.
type Doc = Record<string, any>;

const reviewed = (): Doc => JSON.parse(readFileSync(DEFAULT_CONFIG_FILE, 'utf8'));
const DEV_ROLE = 'arn:aws:iam::111111111111:role/order-agent-dev-operator';
const STATE_ROLE = 'arn:aws:iam::333333333333:role/order-agent-state-access';

/** The one-line message parseInfraConfig fails with after `change` edits a copy of the reviewed file. */
function failureAfter(change: (doc: Doc) => void): string {
  const doc = reviewed();
  change(doc);
  try {
    parseInfraConfig(doc);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

function accessAfter(change: (doc: Doc) => void) {
  const doc = reviewed();
  change(doc);
  return findEnvironment(parseInfraConfig(doc), 'dev').access;
}

describe('access configuration', () => {
  it('reads the reviewed file: direct mode, each environment with plan and apply roles in its own account', () => {
    const config = loadInfraConfig(DEFAULT_CONFIG_FILE);
    expect(config.github).toEqual({ owner: 'example-org', repository: 'order-agent' });
    expect(findEnvironment(config, 'prod').access).toEqual({
      mode: 'direct',
      planRoleArn: 'arn:aws:iam::222222222222:role/order-agent-prod-plan',
      applyRoleArn: 'arn:aws:iam::222222222222:role/order-agent-prod-apply',
    });
  });

  it('reads assume-role mode with a provider role and a state role', () => {
    const access = accessAfter((doc) => {
      Object.assign(doc.environments.dev.access, {
        mode: 'assume-role',
        assumeRoleArn: DEV_ROLE,
        stateRoleArn: STATE_ROLE,
      });
    });
    expect(access).toMatchObject({ mode: 'assume-role', assumeRoleArn: DEV_ROLE, stateRoleArn: STATE_ROLE });
  });

  it.each([
    [
      'planRoleArn',
      'arn:aws:iam::222222222222:role/order-agent-dev-plan',
      /access\.planRoleArn: role in account 222222222222, not in the environment account 111111111111/,
    ],
    [
      'applyRoleArn',
      'arn:aws:iam::333333333333:role/x',
      /access\.applyRoleArn: role in account 333333333333, not in the environment account 111111111111/,
    ],
    [
      'stateRoleArn',
      'arn:aws:iam::111111111111:role/x',
      /access\.stateRoleArn: role in account 111111111111, not in the state account 333333333333/,
    ],
  ])('refuses %s in the wrong account, naming the key', (key, arn, message) => {
    const failure = failureAfter((doc) => {
      doc.environments.dev.access[key] = arn;
    });
    expect(failure).toMatch(message);
    expect(failure).toMatch(
      /^invalid infra configuration \(configuration\): \$\.environments\.dev\.access\./,
    );
    expect(failure).not.toContain('\n');
  });

  it('refuses an assumed role in the wrong account', () => {
    expect(
      failureAfter((doc) => {
        Object.assign(doc.environments.dev.access, {
          mode: 'assume-role',
          assumeRoleArn: 'arn:aws:iam::222222222222:role/order-agent-prod-operator',
        });
      }),
    ).toMatch(/\$\.environments\.dev\.access\.assumeRoleArn: role in account 222222222222/);
  });

  it('needs assumeRoleArn in mode assume-role, and refuses it in mode direct', () => {
    expect(
      failureAfter((doc) => {
        doc.environments.dev.access.mode = 'assume-role';
      }),
    ).toMatch(/\$\.environments\.dev\.access\.assumeRoleArn: is missing; mode assume-role needs the role/);
    expect(
      failureAfter((doc) => {
        doc.environments.dev.access.assumeRoleArn = DEV_ROLE;
      }),
    ).toMatch(/\$\.environments\.dev\.access\.assumeRoleArn: is only for mode assume-role/);
  });

  it.each([
    [
      'a missing plan role',
      (doc: Doc) => delete doc.environments.prod.access.planRoleArn,
      /\$\.environments\.prod\.access\.planRoleArn: is missing/,
    ],
    [
      'a missing access block',
      (doc: Doc) => delete doc.environments.prod.access,
      /\$\.environments\.prod\.access: is missing/,
    ],
    [
      'an unknown mode',
      (doc: Doc) => {
        doc.environments.dev.access.mode = 'sso';
      },
      /access\.mode: "sso" is not allowed; expected one of direct, assume-role/,
    ],
    [
      'a user ARN',
      (doc: Doc) => {
        doc.environments.dev.access.planRoleArn = 'arn:aws:iam::111111111111:user/ci';
      },
      /access\.planRoleArn: .* expected an IAM role ARN/,
    ],
    [
      'another partition',
      (doc: Doc) => {
        doc.environments.dev.access.planRoleArn = 'arn:aws-cn:iam::111111111111:role/x';
      },
      /access\.planRoleArn: partition aws-cn does not match the region us-east-1/,
    ],
    [
      'an unknown key',
      (doc: Doc) => {
        doc.environments.dev.access.roleArn = DEV_ROLE;
      },
      /access\.roleArn: unknown key/,
    ],
    ['a missing github block', (doc: Doc) => delete doc.github, /\$\.github: is missing/],
    [
      'a repository with a slash',
      (doc: Doc) => {
        doc.github.repository = 'org/repo';
      },
      /\$\.github\.repository: "org\/repo" is not allowed/,
    ],
  ])('refuses %s', (_, change, message) => {
    expect(failureAfter(change)).toMatch(message);
  });
});
