// Renderer entry: mounts the workbench Vue app with its Pinia stores.
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import WbApp from './WbApp.vue';

createApp(WbApp).use(createPinia()).mount('#app');
