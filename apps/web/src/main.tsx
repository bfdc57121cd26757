import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App, firstPageReady } from './app/App';
import './app/global.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

// Render the first frame synchronously, so the page (e.g. the sign-in form) is in the DOM by the
// time the browser fires `load`.
const root = createRoot(container);
const render = () =>
  flushSync(() =>
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
// The overview opened directly: once its code is here (see firstPageReady in App.tsx).
if (firstPageReady) void firstPageReady.then(render);
else render();
