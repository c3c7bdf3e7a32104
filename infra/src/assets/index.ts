export type { ZipEntry } from './bundle-zip';
export { bundleZip } from './bundle-zip';
export { assertBundleBuilt, lambdaBundleAsset } from './lambda-bundle-asset';
