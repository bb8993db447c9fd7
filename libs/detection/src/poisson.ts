/**
 * -log10 P(X >= k) for X ~ Poisson(lambda): how surprising k posts are when lambda
 * were expected. Summed in log space from k upwards, which converges fast exactly
 * in the interesting case k > lambda.
 */
export function poissonTailScore(k: number, lambda: number): number {
  if (k <= 0 || k <= lambda) return 0;
  if (lambda <= 0) return 99;
  const logTerm0 = k * Math.log(lambda) - lambda - logFactorial(k);
  let sum = 1;
  let term = 1;
  for (let i = k + 1; i < k + 1000; i++) {
    term *= lambda / i;
    sum += term;
    if (term < sum * 1e-12) break;
  }
  const logP = logTerm0 + Math.log(sum);
  return Math.min(99, Math.max(0, -logP / Math.LN10));
}

const LOG_FACT: number[] = [0];
export function logFactorial(n: number): number {
  if (n < 256) {
    for (let i = LOG_FACT.length; i <= n; i++) LOG_FACT[i] = LOG_FACT[i - 1]! + Math.log(i);
    return LOG_FACT[n]!;
  }
  // Stirling with the 1/12n correction: exact enough for a score.
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n);
}
