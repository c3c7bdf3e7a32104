export type { ApplyTimeFunctionProps, ApplyTimeInvocationOptions } from './apply-time-function';
export { ApplyTimeFunction } from './apply-time-function';
export type { DocumentsBucketProps, UploadedDocument } from './documents-bucket';
export { DocumentsBucket } from './documents-bucket';
export type { IngestionTriggerProps } from './ingestion-trigger';
export { IngestionTrigger } from './ingestion-trigger';
export type { DocumentsKnowledgeBaseProps } from './knowledge-base';
export { DocumentsKnowledgeBase } from './knowledge-base';
export type { KnowledgeBaseAssociationProps } from './knowledge-base-association';
export {
  KnowledgeBaseAssociation,
  ORDER_AGENT_KNOWLEDGE_BASE_DESCRIPTION,
} from './knowledge-base-association';
export type { ProductKnowledgeBaseProps } from './product-knowledge-base';
export { ProductKnowledgeBase } from './product-knowledge-base';
export type { ICollectionGrantee, VectorCollectionProps } from './vector-collection';
export { VectorCollection } from './vector-collection';
export type { VectorFieldMapping, VectorIndexStepProps } from './vector-index-step';
export { DEFAULT_FIELD_MAPPING, VectorIndexStep } from './vector-index-step';
