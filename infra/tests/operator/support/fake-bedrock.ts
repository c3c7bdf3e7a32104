import { createServer } from 'node:http';
import { listenOnLoopback } from '@order-agent/local-aws';

export interface FakeBedrockOptions {
  /** Foundation model id -> lifecycle status (ACTIVE, LEGACY, EOL); a model not listed answers 404. */
  readonly models: Readonly<Record<string, string>>;
  /** Inference profile id -> status and the regions it routes to; a profile not listed answers 404. */
  readonly profiles?: Readonly<
    Record<string, { readonly status: string; readonly regions: readonly string[] }>
  >;
}

export interface FakeBedrock {
  readonly url: string;
  /** The paths asked, in order. */
  readonly requests: string[];
  stop(): Promise<void>;
}

/**
 * A loopback stand-in for the Bedrock control plane's REST-JSON GetFoundationModel and GetInferenceProfile:
 * answers signed requests with the shapes Bedrock returns, errors with `x-amzn-errortype` as Bedrock does.
 */
export async function startFakeBedrock(options: FakeBedrockOptions): Promise<FakeBedrock> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const path = decodeURIComponent(request.url ?? '');
    requests.push(`${request.method} ${path}`);
    const answer = (status: number, body: unknown, errorType?: string) => {
      response.statusCode = status;
      response.setHeader('content-type', 'application/json');
      if (errorType !== undefined) response.setHeader('x-amzn-errortype', errorType);
      response.end(JSON.stringify(body));
    };
    if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
      return answer(403, { message: 'Missing Authentication Token' }, 'AccessDeniedException');
    }
    const model = /^\/foundation-models\/([^/?]+)$/.exec(path)?.[1];
    const profile = /^\/inference-profiles\/([^/?]+)$/.exec(path)?.[1];
    if (model !== undefined && options.models[model] !== undefined) {
      return answer(200, {
        modelDetails: {
          modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${model}`,
          modelId: model,
          modelLifecycle: { status: options.models[model] },
        },
      });
    }
    const found = profile === undefined ? undefined : options.profiles?.[profile];
    if (profile !== undefined && found !== undefined) {
      const base = profile.replace(/^[a-z-]+\./, '');
      return answer(200, {
        inferenceProfileArn: `arn:aws:bedrock:us-east-1:111111111111:inference-profile/${profile}`,
        inferenceProfileId: profile,
        inferenceProfileName: profile,
        status: found.status,
        type: 'SYSTEM_DEFINED',
        models: found.regions.map((region) => ({
          modelArn: `arn:aws:bedrock:${region}::foundation-model/${base}`,
        })),
      });
    }
    return answer(
      404,
      { message: `The model ${model ?? profile} does not exist.` },
      'ResourceNotFoundException',
    );
  });
  const { endpoint, stop } = await listenOnLoopback(server);
  return { url: endpoint, requests, stop };
}
