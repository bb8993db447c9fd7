export interface HealthStatus {
  name: string;
  healthy: boolean;
  detail?: string;
}

/** What every infra wrapper offers to `/health`. */
export interface HealthIndicator {
  health(): Promise<HealthStatus>;
}

export const HEALTH_INDICATORS = Symbol('HEALTH_INDICATORS');
