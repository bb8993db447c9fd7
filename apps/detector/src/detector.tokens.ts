export interface DetectorOptions {
  groupId: string;
  tickMs: number;
  /** How far past the wall clock event time may run (see Detector.setClockBound). */
  maxFutureMs: number;
}
export const DETECTOR_OPTIONS = Symbol('DETECTOR_OPTIONS');

/** The detection config the running detector uses, so what is persisted is scored by the same rules. */
export const DETECTION_CONFIG = Symbol('DETECTION_CONFIG');
