import type { IndexRequest } from './types';

/**
 * HNSW graph parameters: the values the Bedrock console uses when it creates a knowledge base's index
 * (ef_construction 512, m 16, ef_search 512), good recall for small and medium document sets.
 */
export const HNSW_PARAMETERS = { ef_construction: 512, m: 16 } as const;
export const EF_SEARCH = 512;

/**
 * The `PUT /<index>` body for a Bedrock knowledge base on OpenSearch Serverless: k-NN enabled, a FAISS/HNSW
 * `knn_vector` field with Euclidean distance (what Bedrock requires for floating-point embeddings), the chunk
 * text (searchable), and Bedrock's metadata blob (stored, not indexed).
 */
export function buildIndexBody(
  request: Pick<IndexRequest, 'dimension' | 'vectorField' | 'textField' | 'metadataField'>,
) {
  return {
    settings: {
      index: { knn: true, 'knn.algo_param.ef_search': EF_SEARCH },
    },
    mappings: {
      properties: {
        [request.vectorField]: {
          type: 'knn_vector',
          dimension: request.dimension,
          method: { name: 'hnsw', engine: 'faiss', space_type: 'l2', parameters: { ...HNSW_PARAMETERS } },
        },
        [request.textField]: { type: 'text', index: true },
        [request.metadataField]: { type: 'text', index: false },
      },
    },
  };
}
