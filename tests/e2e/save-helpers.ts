// Helpers for the browser tests of saves: read the game's IndexedDB records,
// make storage fail on demand, and advance the game by its primary buttons.
import type { Page } from 'playwright-core';

/** Every record of the game's save store ('current' and the kept copies), as stored. */
export async function savedRecords(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, string>>((resolve, reject) => {
        const open = indexedDB.open('safe-city');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('saves')) return resolve({});
          const store = db.transaction('saves', 'readonly').objectStore('saves');
          const out: Record<string, string> = {};
          const cursor = store.openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return (db.close(), resolve(out));
            out[String(c.key)] = String(c.value);
            c.continue();
          };
          cursor.onerror = () => reject(cursor.error);
        };
      }),
  );
}

/**
 * Before the page's scripts run: writes to the save store throw
 * QuotaExceededError while `window.__storageFull` is true, as a full disk does.
 */
export async function installFullStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __storageFull: boolean };
    w.__storageFull = false;
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (w.__storageFull && this.name === 'saves') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
}

export async function setStorageFull(page: Page, full: boolean): Promise<void> {
  await page.evaluate((f) => ((window as unknown as { __storageFull: boolean }).__storageFull = f), full);
}

/** Click the first enabled primary button of the game text, and wait for the page to take it. */
export async function nextStep(page: Page): Promise<void> {
  const before = await page.evaluate(() => document.querySelector('#app')?.textContent ?? '');
  await page.click('#app button.primary:not([disabled])');
  await page.waitForFunction((b) => document.querySelector('#app')?.textContent !== b, before, { timeout: 10_000 }).catch(() => {});
}

export async function waitForScreen(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`#app[data-screen="${name}"]`, { timeout: 60_000 });
}
