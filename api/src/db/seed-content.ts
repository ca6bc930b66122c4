import type { LexicalState } from './schema.js';

/** Demo content for a fresh install: realistic, some in Turkish, so the site has something to show. */
type Block = [kind: 'h2' | 'h3' | 'p' | 'quote' | 'code', text: string, lang?: string] | ['ul', string[]];

export function lexical(...blocks: Block[]): LexicalState {
  const text = (value: string) => ({
    type: 'text',
    text: value,
    format: 0,
    detail: 0,
    mode: 'normal',
    style: '',
    version: 1,
  });
  const base = { direction: 'ltr', format: '', indent: 0, version: 1 };
  return {
    root: {
      ...base,
      type: 'root',
      children: blocks.map((b) => {
        if (b[0] === 'ul') {
          return {
            ...base,
            type: 'list',
            listType: 'bullet',
            start: 1,
            tag: 'ul',
            children: b[1].map((item, i) => ({ ...base, type: 'listitem', value: i + 1, children: [text(item)] })),
          };
        }
        const [kind, value, lang] = b;
        if (kind === 'h2' || kind === 'h3') return { ...base, type: 'heading', tag: kind, children: [text(value)] };
        if (kind === 'quote') return { ...base, type: 'quote', children: [text(value)] };
        if (kind === 'code') return { ...base, type: 'code', language: lang ?? 'typescript', children: [text(value)] };
        return { ...base, type: 'paragraph', textFormat: 0, children: [text(value)] };
      }),
    },
  };
}

export const demoTags = [
  { name: 'TypeScript', slug: 'typescript' },
  { name: 'Docker', slug: 'docker' },
  { name: 'Mimari', slug: 'mimari' },
  { name: 'Performance', slug: 'performance' },
];

export const demoPosts = [
  {
    slug: 'self-hosting-a-developer-platform',
    title: 'Self-hosting a developer platform on one small server',
    excerpt: 'Why I moved my blog, portfolio and side projects onto a single box I control.',
    tags: ['docker', 'mimari'],
    featured: true,
    content: lexical(
      [
        'p',
        'For years my writing lived on one platform, my projects on another and my demos on a third. Each had its own login, its own limits and its own idea of what a URL should look like.',
      ],
      ['h2', 'One box, four jobs'],
      [
        'ul',
        [
          'A headless CMS with a published OpenAPI',
          'A static site rebuilt on publish',
          'An admin dashboard',
          'A tiny PaaS for demos',
        ],
      ],
      ['h2', 'What it costs'],
      ['p', 'Two cores and a few gigabytes of memory are plenty when the public site is static files behind a CDN.'],
    ),
  },
  {
    slug: 'typescript-ile-temiz-katmanlar',
    title: 'TypeScript ile temiz katmanlar: controller, servis, repository',
    excerpt: 'Katmanlı mimaride her sınıfın tek bir işi olduğunda test yazmak neden kolaylaşır?',
    tags: ['typescript', 'mimari'],
    featured: false,
    content: lexical(
      [
        'p',
        'Bir controller yalnızca HTTP isteğini bir servis çağrısına çevirmeli; iş kuralları serviste, dış dünyaya dokunan her şey repository katmanında yaşamalı.',
      ],
      ['h2', 'Neden önemli?'],
      [
        'p',
        'Servisler sahte (fake) repository nesneleriyle birim testinden geçer; aynı servis gerçek MariaDB ve Redis ile entegrasyon testinde de çalışır.',
      ],
      ['code', 'export class PostService {\n  constructor(private readonly posts: PostRepository) {}\n}'],
      ['quote', 'Bağımlılıklarını yapıcıda gösteren bir sınıf, ne yaptığını da dürüstçe söyler.'],
    ),
  },
  {
    slug: 'measuring-before-optimising',
    title: 'Measuring before optimising: p95 or it did not happen',
    excerpt: 'Averages hide the slow requests your users remember. A short guide to percentiles and baselines.',
    tags: ['performance'],
    featured: false,
    content: lexical(
      [
        'p',
        'A benchmark number on its own says little. Measure a baseline in the same run, on the same machine, and report the ratio.',
      ],
      ['h2', 'Percentiles'],
      [
        'p',
        'The 95th percentile is the latency that one request in twenty exceeds. On a busy page that is every visitor, several times.',
      ],
    ),
  },
  {
    slug: 'docker-konteynerlerini-guvenle-calistirmak',
    title: 'Docker konteynerlerini güvenle çalıştırmak',
    excerpt: 'Yetenekleri düşür, süreç sayısını sınırla, portu yalnızca 127.0.0.1’e bağla: küçük ayarlar, büyük fark.',
    tags: ['docker'],
    featured: true,
    content: lexical(
      ['p', 'Bir PaaS motoru başkalarının kodunu çalıştırır. Varsayılan ayarlar bu iş için yeterince sıkı değildir.'],
      ['h2', 'Kontrol listesi'],
      [
        'ul',
        [
          'Tüm Linux yeteneklerini düşür (cap-drop ALL)',
          'no-new-privileges',
          'pids ve bellek sınırı',
          'Ayrı ağ, yalnızca loopback üzerinde port',
        ],
      ],
      ['p', 'Şimdi çalışan bir örnek: ığdır, şişe, çiçek, gözlük — Türkçe karakterler her katmanda doğru görünmeli.'],
    ),
  },
];

export const demoProjects = [
  {
    slug: 'omervision',
    title: 'OmerVision',
    featured: true,
    sortOrder: 1,
    summary: 'Bu site: başsız bir CMS, statik bir Astro ön yüzü ve küçük bir PaaS; hepsi kendi sunucumda.',
    techStack: ['TypeScript', 'Express', 'tsoa', 'Astro', 'MariaDB', 'Redis', 'Docker'],
    repoUrl: 'https://github.com/omervision/omervision',
    liveUrl: null,
    body: lexical([
      'p',
      'Yayınlandığında statik sitesini yeniden üreten, demoları yalıtılmış konteynerlerde çalıştıran OpenAPI öncelikli bir CMS.',
    ]),
  },
  {
    slug: 'kargo-takip',
    title: 'Kargo Takip',
    featured: false,
    sortOrder: 2,
    summary: 'Kargo firmalarının takip sayfalarını tek bir API arkasında birleştiren küçük bir servis.',
    techStack: ['Node.js', 'Redis', 'Playwright'],
    repoUrl: 'https://github.com/omervision/kargo-takip',
    liveUrl: null,
    body: lexical([
      'p',
      'Her firma için ayrı bir adaptör; sonuçlar Redis’te önbelleğe alınır ve webhook ile bildirilir.',
    ]),
  },
  {
    slug: 'tiny-metrics',
    title: 'tiny-metrics',
    featured: true,
    sortOrder: 3,
    summary: 'Core Web Vitals ölçümlerini kendi sunucunuza gönderen 2 kB’lık bir tarayıcı kütüphanesi.',
    techStack: ['TypeScript', 'Web Vitals'],
    repoUrl: 'https://github.com/omervision/tiny-metrics',
    liveUrl: 'https://example.com/tiny-metrics',
    body: lexical(['p', 'Çerez yok, üçüncü taraf yok: ölçümler sizin çalıştırdığınız bir uç noktaya gider.']),
  },
];

export const aboutPage = {
  slug: 'about',
  title: 'Hakkımda',
  content: lexical(
    ['p', 'Merhaba! Ben Ömer, web platformları ve geliştirici araçları üzerine çalışan bir full-stack geliştiriciyim.'],
    ['p', 'Mimari, performans ve sahibi olduğunuz yazılımı kendiniz çalıştırmak üzerine yazıyorum.'],
  ),
};

export const demoSkills = [
  { name: 'TypeScript', category: 'Diller', level: 95, sortOrder: 1 },
  { name: 'Go', category: 'Diller', level: 70, sortOrder: 2 },
  { name: 'SQL', category: 'Veri', level: 85, sortOrder: 1 },
  { name: 'Redis', category: 'Veri', level: 80, sortOrder: 2 },
  { name: 'Docker', category: 'Altyapı', level: 85, sortOrder: 1 },
  { name: 'Astro', category: 'Ön yüz', level: 80, sortOrder: 1 },
  { name: 'React', category: 'Ön yüz', level: 85, sortOrder: 2 },
];

export const demoSettings = {
  site: {
    title: 'OmerVision',
    description: 'Yazılar, projeler ve çalışan demolar.',
    locale: 'tr-TR',
    tagline: 'Web platformları, geliştirici araçları ve kendi sunucunda çalışan yazılım.',
    accentColor: '#2563eb',
  },
  author: {
    name: 'Ömer',
    email: 'hello@omervision.local',
    bio: 'Full-stack geliştirici; mimari ve performans üzerine yazıyor.',
    role: 'Full-stack geliştirici',
  },
  social: [
    { label: 'GitHub', url: 'https://github.com/omervision' },
    { label: 'Mastodon', url: 'https://mastodon.social/@omervision' },
  ],
  navigation: [
    { label: 'Blog', href: '/blog' },
    { label: 'Projeler', href: '/projects' },
    { label: 'Hakkımda', href: '/about' },
    { label: 'İletişim', href: '/contact' },
  ],
};
