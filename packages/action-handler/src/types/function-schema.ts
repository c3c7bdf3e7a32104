/** Bedrock's function-details action group definition (`functionSchema.functions`). */

export type FunctionParameterType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | (string & {});

export interface FunctionParameterDefinition {
  readonly type: FunctionParameterType;
  readonly description?: string;
  readonly required?: boolean;
}

export interface FunctionDefinition {
  readonly name: string;
  readonly description?: string;
  readonly parameters?: Readonly<Record<string, FunctionParameterDefinition>>;
  readonly requireConfirmation?: string;
}

export type FunctionSchema = readonly FunctionDefinition[];
