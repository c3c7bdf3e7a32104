import { buildIndexBody } from '../../src';

describe('buildIndexBody', () => {
  it('maps a FAISS/HNSW knn_vector (l2), a searchable text field and a stored-only metadata field', () => {
    expect(
      buildIndexBody({ dimension: 256, vectorField: 'embedding', textField: 'chunk', metadataField: 'meta' }),
    ).toEqual({
      settings: { index: { knn: true, 'knn.algo_param.ef_search': 512 } },
      mappings: {
        properties: {
          embedding: {
            type: 'knn_vector',
            dimension: 256,
            method: {
              name: 'hnsw',
              engine: 'faiss',
              space_type: 'l2',
              parameters: { ef_construction: 512, m: 16 },
            },
          },
          chunk: { type: 'text', index: true },
          meta: { type: 'text', index: false },
        },
      },
    });
  });
});
