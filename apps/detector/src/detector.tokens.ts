export interface DetectorOptions {
  groupId: string;
  tickMs: number;
}
export const DETECTOR_OPTIONS = Symbol('DETECTOR_OPTIONS');
