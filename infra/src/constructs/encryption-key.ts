import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { Construct } from 'constructs';
import { type PolicyStatement, policyDocument, renderPolicy } from '../iam';
import { PolicyRule, suppressPolicyRule } from '../policy';
import { PolicyCheckedStack } from '../stacks/policy-checked-stack';

export interface EncryptionKeyProps {
  /** What the key encrypts, shown in the KMS console. */
  readonly description: string;
  /** The statements that let one AWS service use the key, each scoped to the one resource it serves. */
  readonly serviceStatements: readonly PolicyStatement[];
}

/**
 * Adds to `scope` (id `key`) a customer managed KMS key with yearly rotation, a 30-day deletion window and a key
 * policy of the standard "the account administers the key" statement plus `serviceStatements`. A function rather
 * than a construct so that the key's address stays that of the owning construct (set it with overrideLogicalId).
 */
export function addEncryptionKey(scope: Construct, props: EncryptionKeyProps): KmsKey {
  const stack = PolicyCheckedStack.of(scope);
  const key = new KmsKey(scope, 'key', {
    description: props.description,
    enableKeyRotation: true,
    deletionWindowInDays: 30,
    policy: renderPolicy(
      policyDocument([
        {
          Sid: 'AccountAdministersKey',
          Effect: 'Allow',
          Principal: { AWS: stack.formatArn('iam', 'root', { region: '' }) },
          Action: 'kms:*',
          Resource: '*',
        },
        ...props.serviceStatements,
      ]),
    ),
  });
  suppressPolicyRule(
    key,
    PolicyRule.WILDCARD_ACTION,
    'The default KMS key policy: it delegates use of the key to IAM policies in this account (without it the ' +
      'key becomes unmanageable); no IAM policy here grants kms actions.',
  );
  return key;
}
