export { assertBundleBuilt, lambdaBundleAsset } from './lambda-bundle-asset';
export type { ZipEntry } from './zip-archive';
export { crc32, zipArchive } from './zip-archive';
