import { request } from 'node:http';
import { startLocalDynamoDb } from '../../src';

function listTables(endpoint: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${endpoint}/`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': 'DynamoDB_20120810.ListTables',
          authorization:
            'AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=x',
          'x-amz-date': '20260101T000000Z',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
}

describe('startLocalDynamoDb', () => {
  it('answers the DynamoDB JSON protocol on a loopback port', async () => {
    const db = await startLocalDynamoDb();
    try {
      expect(db.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await listTables(db.endpoint);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ TableNames: [] });
    } finally {
      await db.stop();
    }
  });

  it('stops, and a second stop is harmless', async () => {
    const db = await startLocalDynamoDb();
    await db.stop();
    await db.stop();
    await expect(listTables(db.endpoint)).rejects.toThrow(/ECONNREFUSED/);
  });
});
