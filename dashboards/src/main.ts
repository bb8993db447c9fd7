import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { configureHttp } from './api/http';
import { i18n } from './i18n';
import { createAppRouter } from './router';
import { useAuthStore } from './stores/auth';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);

const auth = useAuthStore();
configureHttp({ token: () => auth.token, unauthorized: () => void auth.renew() });

// The router's guard reads the session, so it is installed after the session cookie was tried.
void auth.restore().finally(() => {
  app.use(createAppRouter());
  app.mount('#app');
});
