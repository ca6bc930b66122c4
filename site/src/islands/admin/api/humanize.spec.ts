import { describe, expect, it } from 'vitest';
import { fieldLabel, humanMessage, validationSummary } from './humanize';

describe('validation messages for people', () => {
  it('turns tsoa rules into sentences that say what to do', () => {
    expect(humanMessage('minLength 12')).toBe('Use at least 12 characters.');
    expect(humanMessage('minLength 1')).toBe('This cannot be empty.');
    expect(humanMessage('maxLength 300')).toBe('Use at most 300 characters.');
    expect(humanMessage("Not match in '^[a-z0-9]+(?:-[a-z0-9]+)*$'")).toMatch(/lowercase letters, digits/);
    expect(humanMessage("Not match in '^https?://\\S+$'")).toMatch(/https:\/\//);
    expect(humanMessage("'title' is required")).toBe('This is required.');
    expect(humanMessage('invalid integer number')).toBe('Enter a whole number.');
    expect(humanMessage('max 100')).toBe('Use 100 or less.');
    expect(humanMessage('already in use')).toBe('Already in use: choose another.');
    expect(humanMessage('no such media (check coverMediaId)')).toBe('No such media (check coverMediaId).');
  });

  it('names fields by their label, list items by position', () => {
    expect(fieldLabel('body.newPassword')).toBe('New password');
    expect(fieldLabel('body.seo.canonicalUrl')).toBe('Canonical URL');
    expect(fieldLabel('body.social.2.url')).toBe('Social link 3: URL');
    expect(fieldLabel('body.navigation[0].href')).toBe('Menu item 1: Link');
    expect(fieldLabel('body.content.root.children.3')).toBe('Content');
    expect(fieldLabel('body.rateLimitPerMinute')).toBe('Requests per minute');
    expect(fieldLabel('body.somethingNew')).toBe('Something new');
    expect(validationSummary(['body.newPassword'])).toBe('Check New password: see the note next to it.');
  });
});
