import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
export interface DetectorOptions {
  /** The re-keying step's group on mentions.enriched (the name deployments configure). */
  groupId: string;
  /** The stateful detectors' group on mentions.by-watch: `detectorStateGroup(groupId)`. */
  stateGroupId: string;
  tickMs: number;
  /** How far past the wall clock event time may run (see Detector.setClockBound). */
  maxFutureMs: number;
  /** This instance's name in the partitions' state documents (host, process, random): who claimed, who was fenced out. */
  instanceId: string;
}
export const DETECTOR_OPTIONS = Symbol('DETECTOR_OPTIONS');

/** Makes a fresh detector (one per partition held), all with the same detection config. */
export const DETECTOR_FACTORY = Symbol('DETECTOR_FACTORY');

/** The group whose members own the partitions of mentions.by-watch and their detector state. */
export const detectorStateGroup = (groupId: string): string => `${groupId}.by-watch`;

/** The detection config the running detector uses, so what is persisted is scored by the same rules. */
export const DETECTION_CONFIG = Symbol('DETECTION_CONFIG');

/** Unique per module instance, even for two in one process (the tests' instances). */
export const detectorInstanceId = (): string => `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
