import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { configureHttp } from './api/http';
import { i18n } from './i18n';
import { useAuthStore } from './stores/auth';
import './components/charts';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);

const auth = useAuthStore();
auth.hydrate();
configureHttp({ token: () => auth.token, unauthorized: () => auth.logout() });

app.mount('#app');
