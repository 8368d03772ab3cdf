// New versions: the service worker installs a new build and waits (it never
// takes over by itself); the app is told and offers to reload. Reloading
// waits for every save to be written, lets the waiting worker take over, and
// marks this tab so that after the reload the game continues and the player
// is told. A tab still running an old build whose files the new worker no
// longer holds reloads cleanly instead of failing to load a chunk.
import { registerSW } from 'virtual:pwa-register';
import type { KeyValueStore } from '../app/storage.ts';

const RESUME_KEY = 'safe-city.resume-after-update';
const UPDATED_KEY = 'safe-city.updated';
const STALE_KEY = 'safe-city.stale-reload';

export interface Updates {
  /** Take the waiting version now (or, if none waits, reload onto the new files). */
  apply(resume: boolean): void;
}

/** What the last reload was for: it came from an update (say so), and it should continue the game. */
export function afterUpdate(session: KeyValueStore): { updated: boolean; resume: boolean } {
  const out = { updated: session.get(UPDATED_KEY) !== null, resume: session.get(RESUME_KEY) !== null };
  session.remove(UPDATED_KEY);
  session.remove(RESUME_KEY);
  return out;
}

/**
 * Register the service worker and watch for new versions. `ready` is called
 * when one is waiting, or when another tab's update took over this tab (whose
 * code is then older than its worker); `stale` when a file of this build can
 * no longer be loaded.
 */
export function watchUpdates(events: { ready(): void; stale(): void }, session: KeyValueStore, beforeReload: () => Promise<void>): Updates {
  let applying = false;
  const reload = () => {
    if (applying) location.reload();
  };
  const update = registerSW({ immediate: true, onNeedRefresh: () => events.ready(), onNeedReload: reload });
  const sw = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
  const hadController = !!sw?.controller;
  // A version already waiting, or one that finishes installing while this page is open (found by any tab), is ready.
  // The page also asks for the worker script itself as it opens and when it is shown again: browsers do not always
  // check on navigation (Chromium sometimes leaves the check pending, so it is asked again). Offline, it quietly fails.
  void sw?.ready.then((registration) => {
    const ready = () => sw.controller && registration.waiting && events.ready();
    ready();
    registration.addEventListener('updatefound', () => registration.installing?.addEventListener('statechange', ready));
    const check = (tries: number) => {
      const again = setTimeout(() => tries > 1 && check(tries - 1), 8000);
      registration.update().then(() => clearTimeout(again), () => clearTimeout(again));
    };
    check(3);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && check(1));
  });
  sw?.addEventListener('controllerchange', () => {
    if (applying) location.reload();
    else if (hadController) events.ready();
  });
  // Vite's signal that a lazily loaded chunk failed: after a new deployment, this build's files are gone.
  // At most once a minute, so that a file missing for another reason (offline, say) cannot start a reload loop.
  window.addEventListener('vite:preloadError', () => {
    if (Date.now() - Number(session.get(STALE_KEY) ?? 0) < 60_000) return;
    session.set(STALE_KEY, String(Date.now()));
    events.stale();
  });

  return {
    apply(resume) {
      if (applying) return;
      applying = true;
      session.set(UPDATED_KEY, '1');
      if (resume) session.set(RESUME_KEY, '1');
      void (async () => {
        await beforeReload().catch(() => {});
        const registration = await sw?.getRegistration().catch(() => undefined);
        if (registration?.waiting) {
          await update(true);
          // The worker takes over and controllerchange reloads; if it never does, reload anyway.
          setTimeout(() => location.reload(), 5000);
        } else location.reload();
      })();
    },
  };
}
