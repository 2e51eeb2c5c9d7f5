#!/usr/bin/env node
// Regenerates demo/wordpress/posts.json: the demo articles (demo/articles,
// our own words) as a WordPress site would serve them from
// /wp-json/wp/v2/posts?_embed, in WordPress's real shape: rendered HTML with
// Gutenberg block comments, entities, `wp-block-*` figures with srcset,
// "Also Read:" paragraphs linking to sibling posts, an embedded post, a
// spacer paragraph, `_links` and `_embedded` (author, featured media, terms).
//
// `{{site}}` stands for the site root; scripts/serve.mjs replaces it with the
// origin the request came to, so links are same-site on any port.
//
//   node scripts/wordpress-demo.mjs
import fs from 'node:fs';
import path from 'node:path';

const dir = 'demo/articles';
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const articles = files.map((f) => ({ slug: f.replace(/\.json$/, ''), a: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// WordPress's wptexturize turns typographic characters into numeric entities.
const texturize = (s) => esc(s).replace(/’/g, '&#8217;').replace(/‘/g, '&#8216;').replace(/“/g, '&#8220;').replace(/”/g, '&#8221;').replace(/–/g, '&#8211;').replace(/—/g, '&#8212;');
const wpDate = (iso) => new Date(iso).toISOString().slice(0, 19);
const dayPath = (iso) => new Date(iso).toISOString().slice(0, 10).replace(/-/g, '/');

const ids = new Map(articles.map(({ slug }, i) => [slug, 101 + i]));
const link = (slug) => {
  const a = articles.find((x) => x.slug === slug).a;
  return `{{site}}/${dayPath(a.date_published)}/${slug}/`;
};

// Tags: every tag name, one id each (case-insensitive), in first-seen order.
const tagIds = new Map();
const tagNames = [];
for (const { a } of articles) {
  const names = (a._dateline?.tags ?? a.tags ?? []).map((t) => (typeof t === 'string' ? t : t.name)).map((n) => n?.trim()).filter(Boolean);
  for (const n of names) {
    const key = n.toLowerCase();
    if (!tagIds.has(key)) { tagIds.set(key, 11 + tagNames.length); tagNames.push(n); }
  }
}
const tagSlug = (n) => n.toLowerCase().replace(/[^a-z0-9\u0900-\u097f]+/g, '-').replace(/^-|-$/g, '');
const categories = [{ id: 2, name: 'South Asia', slug: 'south-asia' }, { id: 3, name: 'World', slug: 'world' }];

let imageId = 900;
function blockHtml(b, slugOf) {
  switch (b.type) {
    case 'paragraph':
      return `<!-- wp:paragraph -->\n<p>${b.html ?? texturize(b.text ?? '')}</p>\n<!-- /wp:paragraph -->`;
    case 'heading':
      return `<!-- wp:heading -->\n<h2 class="wp-block-heading">${texturize(b.text)}</h2>\n<!-- /wp:heading -->`;
    case 'quote':
      return `<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph -->\n<p>${texturize(b.text)}</p>\n<!-- /wp:paragraph -->${b.cite ? `<cite>${texturize(b.cite)}</cite>` : ''}</blockquote>\n<!-- /wp:quote -->`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      return `<!-- wp:list -->\n<${tag} class="wp-block-list">${b.items.map((i) => `<!-- wp:list-item -->\n<li>${i}</li>\n<!-- /wp:list-item -->`).join('')}</${tag}>\n<!-- /wp:list -->`;
    }
    case 'image': {
      const src = `{{site}}/demo/img/${path.basename(b.src)}`;
      const size = b.width && b.height ? ` width="${b.width}" height="${b.height}"` : '';
      const cap = b.caption ? `<figcaption class="wp-element-caption">${texturize(b.caption)}</figcaption>` : '';
      return `<!-- wp:image {"sizeSlug":"large"} -->\n<figure class="wp-block-image size-large"><img decoding="async" src="${src}" alt="${esc(b.alt ?? '')}"${size} class="wp-image-${imageId++}" srcset="${src} 1200w, ${src} 600w" sizes="(max-width: 1200px) 100vw, 1200px" style="aspect-ratio:16/9" />${cap}</figure>\n<!-- /wp:image -->`;
    }
    case 'also_read': {
      const target = slugOf(b.src);
      if (!target) return '';
      return `<!-- wp:paragraph -->\n<p><strong>Also Read:</strong> <a href="${link(target)}">${texturize(b.title)}</a></p>\n<!-- /wp:paragraph -->`;
    }
    default:
      return '';
  }
}

const slugOf = (src) => {
  const s = src && path.basename(src.split('?')[0]).replace(/\.json$/, '');
  return ids.has(s) ? s : null;
};

const posts = articles.map(({ slug, a }, i) => {
  const ext = a._dateline ?? {};
  const blocks = ext.blocks ?? [];
  let html = blocks.map((b) => blockHtml(b, slugOf)).filter(Boolean);
  // Real bodies carry spacers and embeds; give the first post both.
  if (i === 0) {
    html.splice(2, 0, '<!-- wp:paragraph -->\n<p>&nbsp;</p>\n<!-- /wp:paragraph -->');
    html.push('<!-- wp:embed {"url":"https://twitter.com/example/status/1879000000000000000","type":"rich","providerNameSlug":"twitter"} -->\n<figure class="wp-block-embed is-type-rich is-provider-twitter wp-block-embed-twitter"><div class="wp-block-embed__wrapper">\n<blockquote class="twitter-tweet" data-width="550" data-dnt="true"><p lang="en" dir="ltr">The delegation lands in Washington on Monday. 🇵🇰✈️</p>&mdash; Example Desk (@example) <a href="https://twitter.com/example/status/1879000000000000000">January 14, 2026</a></blockquote><script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>\n</div></figure>\n<!-- /wp:embed -->');
  }
  // Cards from the explicit Also Read list become inline paragraphs too.
  if (!blocks.some((b) => b.type === 'also_read')) {
    for (const c of ext.also_read ?? []) {
      const b = blockHtml({ type: 'also_read', src: c.src, title: c.title }, slugOf);
      if (b) html.push(b);
    }
  }
  if (!blocks.length && a.content_html) html = [a.content_html];
  const tagNamesOf = (ext.tags ?? a.tags ?? []).map((t) => (typeof t === 'string' ? t : t.name)).map((n) => n?.trim()).filter(Boolean);
  const tagList = [...new Set(tagNamesOf.map((n) => tagIds.get(n.toLowerCase())))];
  const cat = categories[i % 3 === 2 ? 1 : 0];
  const img = ext.image;
  const id = ids.get(slug);
  const author = a.authors?.[0] ?? { name: 'News Desk' };
  const authorSlug = author.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const local = (iso) => wpDate(new Date(Date.parse(iso) + 5 * 3600e3).toISOString()); // site time: UTC+5
  return {
    id,
    date: local(a.date_published),
    date_gmt: wpDate(a.date_published),
    guid: { rendered: `{{site}}/?p=${id}` },
    modified: local(a.date_modified ?? a.date_published),
    modified_gmt: wpDate(a.date_modified ?? a.date_published),
    slug,
    status: 'publish',
    type: 'post',
    link: link(slug),
    title: { rendered: texturize(a.title) },
    content: { rendered: html.join('\n\n') + '\n', protected: false },
    excerpt: { rendered: a.summary ? `<p>${texturize(a.summary)} [&hellip;]</p>\n` : '', protected: false },
    author: 3,
    featured_media: img ? 500 + i : 0,
    comment_status: 'open',
    format: 'standard',
    categories: [cat.id],
    tags: tagList,
    _links: {
      self: [{ href: `{{site}}/wp-json/wp/v2/posts/${id}` }],
      collection: [{ href: '{{site}}/wp-json/wp/v2/posts' }],
      author: [{ embeddable: true, href: '{{site}}/wp-json/wp/v2/users/3' }],
      'wp:term': [
        { taxonomy: 'category', embeddable: true, href: `{{site}}/wp-json/wp/v2/categories?post=${id}` },
        { taxonomy: 'post_tag', embeddable: true, href: `{{site}}/wp-json/wp/v2/tags?post=${id}` },
      ],
    },
    _embedded: {
      author: [{ id: 3, name: author.name, url: '', description: '', link: `{{site}}/author/${authorSlug}/`, slug: authorSlug }],
      ...(img ? {
        'wp:featuredmedia': [{
          id: 500 + i,
          date: local(a.date_published),
          slug: path.basename(img.src, '.svg'),
          type: 'attachment',
          link: `{{site}}/${slug}/${path.basename(img.src, '.svg')}/`,
          title: { rendered: path.basename(img.src, '.svg') },
          author: 3,
          caption: { rendered: img.caption ? `<p>${texturize(img.caption)}</p>\n` : '' },
          alt_text: img.alt ?? '',
          media_type: 'image',
          mime_type: 'image/svg+xml',
          media_details: { width: img.width, height: img.height, file: `2026/01/${path.basename(img.src)}`, sizes: {} },
          source_url: `{{site}}/demo/img/${path.basename(img.src)}`,
        }],
      } : {}),
      'wp:term': [
        [{ id: cat.id, link: `{{site}}/category/${cat.slug}/`, name: cat.name, slug: cat.slug, taxonomy: 'category' }],
        tagList.map((t) => {
          const name = tagNames[t - 11];
          return { id: t, link: `{{site}}/tag/${tagSlug(name)}/`, name: texturize(name), slug: tagSlug(name), taxonomy: 'post_tag' };
        }),
      ],
    },
  };
});

fs.mkdirSync('demo/wordpress', { recursive: true });
fs.writeFileSync('demo/wordpress/posts.json', JSON.stringify(posts, null, 1) + '\n');
process.stdout.write(`demo/wordpress/posts.json: ${posts.length} posts, ${tagNames.length} tags\n`);
