import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorsOf, messageOf, unwrap } from './errors';

const problem = {
  type: 'https://omervision.dev/problems#VALIDATION_FAILED',
  title: 'Validation failed',
  status: 422,
  code: 'VALIDATION_FAILED',
  detail: '2 field(s) failed validation: body.title, body.seo.description',
  errors: [
    { field: 'body.title', message: 'is required' },
    { field: 'body.seo.description', message: 'maxLength 500' },
    { field: 'body.title', message: 'too short' },
  ],
};

describe('API errors', () => {
  it('keys field errors by form field (no body. prefix), in words, joining repeats', () => {
    const err = new ApiError(422, problem);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.message).toBe('Check these fields: Title, Meta description.');
    expect(err.fields).toEqual({
      title: 'This is required. Too short.',
      'seo.description': 'Use at most 500 characters.',
    });
    expect(fieldErrorsOf(err)).toBe(err.fields);
    expect(fieldErrorsOf(new Error('x'))).toEqual({});
  });

  it('keeps a validation detail that is a sentence already', () => {
    const err = new ApiError(422, {
      ...problem,
      detail: 'A focal point needs both coordinates (or neither).',
      errors: [{ field: 'body.focalY', message: 'set focalX and focalY together' }],
    });
    expect(err.message).toBe('A focal point needs both coordinates (or neither).');
    expect(err.fields).toEqual({ focalY: 'Set focalX and focalY together.' });
  });

  it('says something useful for answers that are not problem documents', () => {
    expect(new ApiError(502, '<html>bad gateway</html>').message).toBe('The API answered 502.');
    expect(new ApiError(0, undefined).code).toBe('NETWORK');
    expect(messageOf(new TypeError('Failed to fetch'))).toMatch(/could not be reached/);
  });

  it('unwraps data, or throws with the status', () => {
    expect(unwrap({ data: { a: 1 }, response: new Response(null, { status: 200 }) })).toEqual({ a: 1 });
    expect(() =>
      unwrap({
        error: { ...problem, status: 409, code: 'VERSION_CONFLICT' },
        response: new Response(null, { status: 409 }),
      }),
    ).toThrow(ApiError);
  });
});
