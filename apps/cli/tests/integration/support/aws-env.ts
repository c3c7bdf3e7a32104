/**
 * Points the real SDK at a local endpoint through the standard variables (the SDK reads them from the process
 * environment), with dummy credentials; returns a function restoring what was there.
 */
export function useLocalAgentRuntime(endpoint: string): () => void {
  const settings: Record<string, string> = {
    AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST',
    AWS_SECRET_ACCESS_KEY: 'local-test-secret',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(settings)) {
    saved.set(name, process.env[name]);
    process.env[name] = value;
  }
  for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL']) {
    saved.set(name, process.env[name]);
    delete process.env[name];
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
