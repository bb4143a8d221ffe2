/**
 * REFI-QDA project exchange (.qdpx / .qde / .qdc): read and write plain RefiProject data.
 * Offsets in RefiProject are ours (UTF-16 units over LF text); positions.ts is the one place
 * where the file's positions are converted.
 */
export type {
  RefiProject,
  RefiUser,
  RefiCode,
  RefiVariable,
  RefiVariableType,
  RefiVariableValue,
  RefiCase,
  RefiSource,
  RefiSelection,
  RefiNote,
  RefiSet,
  RefiCodebook,
  RefiStamps,
} from './types';
export { VARIABLE_TYPES, flattenCodes } from './types';
export { EXTENSION_FILE, emailKey, emptyExtension, type RefiExtension, type RefiExtensionVariable, type RefiExtensionBin } from './extension';
export { readQdpx, readQde, readQdc, readProjectFile, type ReadOptions, type ReadResult, type SourceReading } from './read';
export { writeQdpx, writeQde, writeQdc, type WriteOptions } from './write';
export { checkProject } from './write-check';
export { RefiImportError, RefiExportError, type Problem, type ProblemKind, type ProblemSeverity } from './problems';
export { READINGS, EXPORT_READING, PositionMap, describeReading, placeRange, toLf, type Reading, type CharacterUnit, type CrlfCount } from './positions';
export { detectReading, type Detection, type ReadingScore } from './detect';
export { randomGuid, seededGuids, normaliseGuid, type GuidGenerator } from './guid';
export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';
