import { strict as assert } from 'node:assert';
import { labelLangOf, pageLabelLang, pageLanguageTag, type SiteLanguages } from '../../../src/core/markdown';
import { makeMd } from './helpers';

const FRENCH_SITE: SiteLanguages = { languages: [{ code: 'fr', languageCode: 'fr-fr' }], defaultContentLanguage: 'fr', languageCode: 'fr-fr' };
/** `languageCode = "fr-fr"` only: Hugo's default language stays the implicit `en`, the languageCode is the site's word. */
const LANGUAGE_CODE_ONLY: SiteLanguages = { languages: [{ code: 'en', languageCode: 'fr-fr' }], defaultContentLanguage: 'en', languageCode: 'fr-fr' };
const SILENT: SiteLanguages = { languages: [{ code: 'en' }], defaultContentLanguage: 'en' };
const MULTI: SiteLanguages = {
  languages: [
    { code: 'fr', languageCode: 'fr-FR' },
    // Hugo 0.111 gives every language the site's languageCode when it has none: the code wins.
    { code: 'en', languageCode: 'fr-FR' },
    { code: 'de' },
  ],
  defaultContentLanguage: 'fr',
};

describe('markdown/pageLang: labels follow the page, not the editor', () => {
  it('reads French and English tags, nothing else', () => {
    assert.deepEqual(['fr', 'fr-FR', 'fr_CA', 'FRA', 'en', 'en-GB', 'eng', 'de', 'french', '', 3, undefined].map(labelLangOf), ['fr', 'fr', 'fr', 'fr', 'en', 'en', 'en', undefined, undefined, undefined, undefined, undefined]);
  });

  it('takes the page’s front matter, its translation’s language, then the site’s languageCode or default language', () => {
    assert.equal(pageLanguageTag(FRENCH_SITE, undefined), 'fr-fr');
    assert.equal(pageLanguageTag(FRENCH_SITE, 'fr', 'en_GB'), 'en-GB');
    assert.equal(pageLanguageTag(LANGUAGE_CODE_ONLY, undefined), 'fr-fr');
    assert.equal(pageLanguageTag({ languages: [{ code: 'fr' }], defaultContentLanguage: 'fr' }, undefined), 'fr');
    assert.equal(pageLanguageTag(MULTI, undefined), 'fr-FR');
    assert.equal(pageLanguageTag(MULTI, 'en'), 'en');
    assert.equal(pageLanguageTag(MULTI, 'de'), 'de');
    assert.equal(pageLanguageTag(SILENT, undefined), undefined, 'Hugo’s implicit en is not the site’s word');
    assert.equal(pageLanguageTag(undefined, undefined, 'not a tag!'), undefined);
  });

  it('falls back to the user’s language when the page’s is unknown or neither French nor English', () => {
    assert.equal(pageLabelLang(FRENCH_SITE, undefined, 'en'), 'fr');
    assert.equal(pageLabelLang(MULTI, 'en', 'fr'), 'en');
    assert.equal(pageLabelLang(MULTI, 'de', 'fr'), 'fr');
    assert.equal(pageLabelLang(MULTI, 'de', 'en'), 'en');
    assert.equal(pageLabelLang(SILENT, undefined, 'fr'), 'fr');
    assert.equal(pageLabelLang(undefined, undefined, 'en'), 'en');
    assert.equal(pageLabelLang(SILENT, undefined, 'fr', 'en-US'), 'en');
  });

  it('the preview plugin labels a page that names its language (`lang`) in that language, at parse and render time', () => {
    const md = makeMd({ lang: 'fr' });
    const english = md.render('+++\ntitle = "T"\nlang = "en"\ndate = 2024-01-02\n+++\n\n{{% collapse "" %}}\nx\n{{% /collapse %}}\n\n> [!WARNING]\n> y\n');
    assert.ok(english.includes('Created 2024-01-02'), english);
    assert.ok(english.includes('(untitled section)'), english);
    assert.ok(english.includes('<span class="medguide-alert-label">Warning</span>'), english);
    const yaml = makeMd({ lang: 'en' }).render('---\ntitle: T\nlang: fr-FR\n---\n\n> [!WARNING]\n> y\n');
    assert.ok(yaml.includes('<span class="medguide-alert-label">Attention</span>'), yaml);
    // Another language, or none: the settings' language stays.
    assert.ok(makeMd({ lang: 'fr' }).render('+++\nlang = "de"\n+++\n\n> [!WARNING]\n> y\n').includes('>Attention</span>'));
    assert.ok(makeMd({ lang: 'en' }).render('> [!WARNING]\n> y\n').includes('>Warning</span>'));
  });
});
