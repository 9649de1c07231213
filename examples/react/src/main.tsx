import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app');

createRoot(target).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
