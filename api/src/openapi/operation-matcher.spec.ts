import { describe, expect, it } from 'vitest';
import { OperationMatcher } from './operation-matcher.js';

const matcher = new OperationMatcher({
  paths: {
    '/api/v1/messages/{messageId}': { get: { operationId: 'GetMessage' }, delete: { operationId: 'DeleteMessage' } },
    '/api/v1/messages/unread-count': { get: { operationId: 'UnreadCount' } },
    '/api/v1/apps/{appId}/deployments/{deploymentId}': { get: { operationId: 'GetDeployment' } },
    '/api/v1/files/{name}.json': { get: { operationId: 'GetFile' } },
    '/api/v1': { get: { operationId: 'Index' } },
  },
});

describe('OperationMatcher', () => {
  it('matches templates and decodes parameters', () => {
    expect(matcher.match('GET', '/api/v1/messages/a%20b')).toMatchObject({ template: '/api/v1/messages/{messageId}', method: 'get', params: { messageId: 'a b' }, operation: { operationId: 'GetMessage' } });
    expect(matcher.match('delete', '/api/v1/messages/7')?.operation.operationId).toBe('DeleteMessage');
    expect(matcher.match('GET', '/api/v1/apps/1/deployments/2')?.params).toEqual({ appId: '1', deploymentId: '2' });
    expect(matcher.match('GET', '/api/v1/files/x.json')?.params).toEqual({ name: 'x' });
  });

  it('prefers a literal segment over a parameter, whatever the order in the document', () => {
    expect(matcher.match('GET', '/api/v1/messages/unread-count')?.operation.operationId).toBe('UnreadCount');
  });

  it('accepts a trailing slash, falls back from HEAD to GET, and answers undefined otherwise', () => {
    expect(matcher.match('GET', '/api/v1/')?.operation.operationId).toBe('Index');
    expect(matcher.match('HEAD', '/api/v1/messages/1')?.operation.operationId).toBe('GetMessage');
    expect(matcher.match('POST', '/api/v1/messages/1')).toBeUndefined();
    expect(matcher.match('GET', '/api/v1/messages')).toBeUndefined();
    expect(matcher.match('GET', '/api/v1/messages/1/extra')).toBeUndefined();
    expect(matcher.match('GET', '/api/v1/files/x.jsonx')).toBeUndefined();
  });
});
