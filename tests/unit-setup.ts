// Before each unit test file: the locale files registered once (the browser
// build does this in main.ts), and English as the language, since files
// share a worker's modules and one file may have left another language set.
import '../src/text/locales.ts';
import { setLanguage } from '../src/text/i18n.ts';

setLanguage('en');
