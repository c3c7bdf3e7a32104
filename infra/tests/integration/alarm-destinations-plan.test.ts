import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app';
import { planOffline, type StackPlan } from '../../src/operator/terraform/offline-plan';
import { FIXTURE_BUNDLE_DIR, KB_INDEX_FIXTURE_BUNDLE_DIR } from '../helpers';
import { configAfter } from '../support/config-doc';
import { describeWithTerraform } from '../support/terraform';

// The reviewed file's environments send alarms to e-mail only; this plans dev with every other destination
// (an existing topic, a chat channel through User Notifications) and invocation logging, against the real
// provider, so those resources are validated and planned offline too.
const PAGER = 'arn:aws:sns:us-east-1:111111111111:ops-pager';
const CHAT = 'arn:aws:chatbot::111111111111:chat-configuration/slack-channel/order-agent-alerts';

describeWithTerraform('the offline plan of the opt-in alarm destinations and invocation logging')(
  'offline plan of dev with every alarm destination and invocation logging',
  () => {
    const synthDir = mkdtempSync(join(tmpdir(), 'infra-opt-in-plan-'));
    let plan: StackPlan;

    beforeAll(async () => {
      const config = configAfter((doc) => {
        Object.assign(doc.environments.dev.alarms, { snsTopicArns: [PAGER], chatConfigurationArns: [CHAT] });
        doc.environments.dev.modelInvocationLogging = { enabled: true };
      });
      buildApp({
        config,
        outdir: synthDir,
        bundleDir: FIXTURE_BUNDLE_DIR,
        kbIndexBundleDir: KB_INDEX_FIXTURE_BUNDLE_DIR,
      }).synth();
      [plan] = (await planOffline({ synthDir, stacks: ['order-agent-dev'] })) as [StackPlan];
    }, 300_000);
    afterAll(() => rmSync(synthDir, { recursive: true, force: true }));

    it('creates the chat notifications and the invocation logging, deleting nothing', () => {
      expect(plan.counts).toMatchObject({ update: 0, replace: 0, delete: 0 });
      const created = (type: string) =>
        (
          plan.plan.resource_changes as unknown as Array<{
            type: string;
            change: { after: Record<string, unknown> };
          }>
        )
          .filter((change) => change.type === type)
          .map((change) => change.change.after);
      expect(created('aws_notifications_channel_association')).toEqual([
        expect.objectContaining({ arn: CHAT }),
      ]);
      expect(created('aws_notifications_event_rule')).toEqual([
        expect.objectContaining({ event_type: 'CloudWatch Alarm State Change', regions: ['us-east-1'] }),
      ]);
      // alarm_actions holds the new topic's ARN, unknown until apply, so the plan shows the set as unknown; the
      // unit tests check the pager topic is in it.
      expect(created('aws_cloudwatch_metric_alarm')).toHaveLength(3);
      expect(created('aws_bedrock_model_invocation_logging_configuration')).toHaveLength(1);
      expect(created('aws_cloudwatch_log_group')).toContainEqual(
        expect.objectContaining({
          name: '/order-agent-dev/bedrock-model-invocations',
          retention_in_days: 30,
        }),
      );
    });
  },
);
