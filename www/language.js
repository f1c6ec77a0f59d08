// The page's language: the one it opens in (the last chosen, else the browser's), remembering a
// switch, and the texts the HTML names with data-i18n attributes written in it.

import { LANGS, t, langFromTag } from './i18n.js';

/** The language the page opens in: the one chosen last time, else the browser's. */
export function initialLang() {
  try {
    const saved = localStorage.getItem('lang');
    if (LANGS.includes(saved)) return saved;
  } catch {
    // Storage may be unavailable (private mode, file://): the browser language decides.
  }
  return langFromTag(navigator.language);
}

/** Remembers `lang` for the next visit, where storage allows. */
export function rememberLang(lang) {
  try {
    localStorage.setItem('lang', lang);
  } catch {
    // Not remembered; the switch still applies to this visit.
  }
}

/** Writes the document's own texts in `lang`: its title, the data-i18n nodes, the language buttons. */
export function applyStaticTexts(lang) {
  document.documentElement.lang = lang;
  document.title = t(lang, 'doc.title');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(lang, node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
    node.placeholder = t(lang, node.dataset.i18nPlaceholder);
  }
  for (const node of document.querySelectorAll('[data-i18n-label]')) {
    node.setAttribute('aria-label', t(lang, node.dataset.i18nLabel));
    node.title = t(lang, node.dataset.i18nLabel);
  }
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
}
