/**
 * Inter-coder agreement: the statistics (percent agreement, Cohen's and Fleiss' κ,
 * Brennan–Prediger, Krippendorff's α with a bootstrap) on units × coders data, and the turn,
 * character and segment levels computed from coded ranges. See DESIGN.md, "What the numbers
 * mean" → Agreement.
 */
export type { Interval, MeasurementLevel, PresentValue, RatingValue, ReliabilityData } from './types';
export { percentAgreement } from './percent-agreement';
export { cohenKappa, cohenKappaBinary } from './cohen-kappa';
export { fleissKappa } from './fleiss-kappa';
export { brennanPrediger } from './brennan-prediger';
export { krippendorffAlpha } from './krippendorff';
export { bootstrapAlpha, type BootstrapOptions } from './bootstrap';
export {
  alphaFromBinaryCoincidences,
  alphaFromCoincidences,
  coincidenceMatrix,
  type BinaryCoincidences,
  type CoincidenceMatrix,
} from './coincidence';
export { reliabilityBand, RELIABLE_ALPHA, TENTATIVE_ALPHA, type ReliabilityBand } from './reliability-band';
export { binaryAgreementFlag, type AgreementFlag } from './data-flag';
export { percentileInterval } from './percentile';
export { DEFAULT_SEED, SeededRandom, seededRandom } from './random';

export {
  prepareStudy,
  type AgreementCoding,
  type AgreementDocument,
  type AgreementInput,
  type AgreementTurn,
  type PreparedStudy,
} from './document';
export { summarizeClusters, type BinaryAgreement, type BinaryClusterTable } from './cluster-table';
export { turnLevel, turnUnits, type PairKappa, type TurnLevel, type TurnUnit, type TurnUnits } from './turn-level';
export { characterLevel, characterTable, type CharacterLevel } from './character-level';
export {
  DEFAULT_SEGMENT_THRESHOLD,
  segmentAgreement,
  segmentOverlap,
  type SegmentCounts,
  type SegmentOptions,
  type SegmentPairAgreement,
} from './segment-level';
export {
  clusteredBootstrap,
  type ClusteredBootstrap,
  type ClusteredBootstrapOptions,
  type ClusteredInterval,
} from './clustered-bootstrap';
export {
  agreementReport,
  type AgreementReport,
  type AgreementReportOptions,
  type CodeAgreement,
  type ConfidenceInterval,
  type LevelAgreement,
} from './report';
export {
  literalContinuum,
  unitizedContinuum,
  type ContinuumOptions,
  type ContinuumUnit,
  type EmptyCoder,
  type UnitMerge,
  type UnitizedContinuum,
} from './continuum';
export {
  bootstrapUnitizedAlpha,
  unitizedAlpha,
  type UnitizedAlpha,
  type UnitizedBootstrap,
  type UnitizedBootstrapOptions,
  type UnitizedCodeAlpha,
  type UnitizedDisagreement,
  type UnitizedInterval,
} from './unitized';
export {
  bootstrapUnitizedFamily,
  unitizedFamily,
  type FamilyCoefficient,
  type FamilyCode,
  type FamilyDomain,
  type FamilyOptions,
  type UnitizedFamily,
  type UnitizedFamilyBootstrap,
} from './unitized-family';
