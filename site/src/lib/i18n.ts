import { en } from '../i18n/en.ts';
import { tr, type Dictionary } from '../i18n/tr.ts';

/**
 * The site's own words: one dictionary per locale (src/i18n/), chosen by the settings' locale
 * (Turkish for `tr…`, English otherwise), so a page never mixes languages. Content comes from the
 * CMS in whatever language it was written.
 */
export type Strings = Dictionary;

export function strings(locale: string): Strings {
  return langOf(locale) === 'tr' ? tr : en;
}

/** `tr-TR` → `tr` (for `<html lang>`). */
export function langOf(locale: string): string {
  return (locale.split(/[-_]/)[0] || 'tr').toLowerCase();
}

/**
 * The locale a post is written in: its own language (`tr`/`en`) when it declares one, else the
 * site's locale (kept whole when the languages agree, so `tr-TR` stays `tr-TR`).
 */
export function postLocale(language: string | null | undefined, siteLocale: string): string {
  if (!language || langOf(siteLocale) === language) return siteLocale;
  return language === 'tr' ? 'tr-TR' : 'en';
}

export function formatDate(iso: string, locale: string, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: style === 'long' ? 'long' : 'short',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

export function formatNumber(n: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** A 0–100 level as the locale writes a percentage (`%95` in Turkish, `95%` in English). */
export function formatPercent(level: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(level / 100);
}

/** A skill's 0–100 level in words. */
export function levelName(level: number, t: Strings): string {
  return level >= 90
    ? t.levels.expert
    : level >= 75
      ? t.levels.advanced
      : level >= 50
        ? t.levels.intermediate
        : t.levels.beginner;
}

export { demoState, type DemoState } from './demo-state.ts';
