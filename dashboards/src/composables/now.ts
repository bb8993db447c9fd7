import { onScopeDispose, ref, type Ref } from 'vue';

const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** One shared one-second tick for every countdown on the page; stops when nothing uses it. */
export function useNow(): Readonly<Ref<number>> {
  users++;
  timer ??= setInterval(() => (now.value = Date.now()), 1000);
  onScopeDispose(() => {
    if (--users === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  });
  return now;
}
