import { ref } from 'vue';
import { defineStore } from 'pinia';

export interface Toast {
  id: number;
  kind: 'alert' | 'error' | 'info';
  level?: string;
  text: string;
}

const MAX = 5;
const TTL_MS = 8_000;

/** Only what a person must notice now: urgent/major alerts and failed actions. */
export const useToastStore = defineStore('toasts', () => {
  const toasts = ref<Toast[]>([]);
  let next = 1;

  function push(t: Omit<Toast, 'id'>): void {
    const id = next++;
    toasts.value = [{ ...t, id }, ...toasts.value].slice(0, MAX);
    setTimeout(() => dismiss(id), TTL_MS);
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id);
  }

  return { toasts, push, dismiss };
});
