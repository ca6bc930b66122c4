/**
 * The site's own words, in the settings' locale (Turkish by default, English otherwise). Content
 * comes from the CMS in whatever language it was written.
 */
const tr = {
  skip: 'İçeriğe geç',
  mainNav: 'Ana menü',
  latestPosts: 'Son yazılar',
  allPosts: 'Tüm yazılar',
  featuredProjects: 'Öne çıkan projeler',
  allProjects: 'Tüm projeler',
  blog: 'Blog',
  projects: 'Projeler',
  tags: 'Etiketler',
  taggedWith: (tag: string) => `“${tag}” etiketli yazılar`,
  readingTime: (min: number) => `${min} dk okuma`,
  page: (n: number, of: number) => `Sayfa ${n} / ${of}`,
  previous: 'Önceki',
  next: 'Sonraki',
  pagination: 'Sayfalar',
  contents: 'İçindekiler',
  techStack: 'Teknolojiler',
  source: 'Kaynak kod',
  live: 'Canlı',
  skills: 'Yetenekler',
  notFoundTitle: 'Sayfa bulunamadı',
  notFoundText: 'Aradığınız sayfa taşınmış ya da hiç var olmamış olabilir.',
  home: 'Ana sayfa',
  contact: 'İletişim',
  contactIntro: 'Bir sorunuz ya da fikriniz mi var? Yazın, en kısa sürede dönerim.',
  name: 'Adınız',
  email: 'E-posta',
  subject: 'Konu (isteğe bağlı)',
  message: 'Mesajınız',
  send: 'Gönder',
  sending: 'Gönderiliyor…',
  sent: 'Teşekkürler! Mesajınız iletildi.',
  honeypot: 'Bu alanı boş bırakın',
  required: 'Bu alan zorunlu.',
  badEmail: 'Geçerli bir e-posta adresi girin.',
  tooLong: (max: number) => `En fazla ${max} karakter.`,
  tooMany: 'Çok fazla mesaj gönderildi; lütfen daha sonra tekrar deneyin.',
  failed: 'Mesaj gönderilemedi; lütfen tekrar deneyin.',
  thanksTitle: 'Mesajınız alındı',
  rss: 'RSS beslemesi',
  noPosts: 'Henüz yazı yok.',
  appLoading: 'Uygulama durumu yükleniyor…',
  appUnavailable: 'Bu uygulama şu anda kullanılamıyor.',
  appStatus: 'Durum',
  appOpen: 'Yeni sekmede aç',
  preview: 'Önizleme',
  previewLoading: 'Taslak yükleniyor…',
  previewFailed: 'Önizleme bağlantısı geçersiz ya da süresi dolmuş.',
};

const en: typeof tr = {
  skip: 'Skip to content',
  mainNav: 'Main navigation',
  latestPosts: 'Latest posts',
  allPosts: 'All posts',
  featuredProjects: 'Featured projects',
  allProjects: 'All projects',
  blog: 'Blog',
  projects: 'Projects',
  tags: 'Tags',
  taggedWith: (tag) => `Posts tagged “${tag}”`,
  readingTime: (min) => `${min} min read`,
  page: (n, of) => `Page ${n} of ${of}`,
  previous: 'Previous',
  next: 'Next',
  pagination: 'Pages',
  contents: 'Contents',
  techStack: 'Tech stack',
  source: 'Source',
  live: 'Live',
  skills: 'Skills',
  notFoundTitle: 'Page not found',
  notFoundText: 'The page you are looking for has moved or never existed.',
  home: 'Home',
  contact: 'Contact',
  contactIntro: 'A question or an idea? Write, and I will answer soon.',
  name: 'Your name',
  email: 'E-mail',
  subject: 'Subject (optional)',
  message: 'Your message',
  send: 'Send',
  sending: 'Sending…',
  sent: 'Thank you! Your message was sent.',
  honeypot: 'Leave this field empty',
  required: 'This field is required.',
  badEmail: 'Enter a valid e-mail address.',
  tooLong: (max) => `At most ${max} characters.`,
  tooMany: 'Too many messages; please try again later.',
  failed: 'The message could not be sent; please try again.',
  thanksTitle: 'Message received',
  rss: 'RSS feed',
  noPosts: 'No posts yet.',
  appLoading: 'Loading the app’s status…',
  appUnavailable: 'This app is not available right now.',
  appStatus: 'Status',
  appOpen: 'Open in a new tab',
  preview: 'Preview',
  previewLoading: 'Loading the draft…',
  previewFailed: 'The preview link is invalid or has expired.',
};

export type Strings = typeof tr;

/** `tr-TR` → Turkish strings and `tr` for `<html lang>`; anything else → English. */
export function strings(locale: string): Strings {
  return langOf(locale) === 'tr' ? tr : en;
}

export function langOf(locale: string): string {
  return (locale.split(/[-_]/)[0] || 'tr').toLowerCase();
}

export function formatDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}
