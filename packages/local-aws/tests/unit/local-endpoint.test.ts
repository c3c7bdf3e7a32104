import { dynamoDbEndpointFrom, isLocalEndpoint } from '../../src';

test.each([
  ['http://127.0.0.1:8000', true],
  ['http://127.1.2.3:8000', true],
  ['http://localhost:8000', true],
  ['http://dynamo.localhost', true],
  ['http://[::1]:8000', true],
  ['https://dynamodb.eu-west-1.amazonaws.com', false],
  ['http://10.0.0.5:8000', false],
  ['http://127.0.0.1.example.com', false],
  ['not a url', false],
])('%s is local: %s', (endpoint, local) => {
  expect(isLocalEndpoint(endpoint)).toBe(local);
});

test('the DynamoDB variable wins over the general one; none means the real service', () => {
  expect(dynamoDbEndpointFrom({ AWS_ENDPOINT_URL_DYNAMODB: 'http://a', AWS_ENDPOINT_URL: 'http://b' })).toBe(
    'http://a',
  );
  expect(dynamoDbEndpointFrom({ AWS_ENDPOINT_URL: 'http://b' })).toBe('http://b');
  expect(dynamoDbEndpointFrom({})).toBeUndefined();
});
