import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import { App } from './App';
import { startUp } from './state/startup';
import './styles/index.css';

// Offline once loaded: the built app's service worker precaches every file (scripts/viteOffline.ts).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
    console.warn('Haymap will not work offline: the service worker did not register.', error);
  });
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
// The saved copy and a share link are read once, before the first render (a bounded wait).
void startUp().finally(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
