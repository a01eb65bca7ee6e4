import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connect } from './api/connect';
import { App } from './App';
import { useAppStore, type Theme } from './store/app-store';
import './styles.css';

const THEME_KEY = 'orgbench.theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

const applyTheme = (theme: Theme) => {
  document.documentElement.dataset.theme = theme;
};

useAppStore.getState().setTheme(initialTheme());
applyTheme(useAppStore.getState().theme);
useAppStore.subscribe((state, previous) => {
  if (state.theme === previous.theme) return;
  applyTheme(state.theme);
  localStorage.setItem(THEME_KEY, state.theme);
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void connect().then((result) => {
  const store = useAppStore.getState();
  if (result.ok) void store.connected(result.client, result.mode);
  else store.connectionFailed(result.message);
});
