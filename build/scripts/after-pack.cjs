// electron-builder afterPack hook: flip the fuses of build/fuses.cjs into the packaged Electron
// binary, then read them back and fail the build if any differs.
'use strict';
const path = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseState } = require('@electron/fuses');
const wanted = require('../fuses.cjs');

module.exports = async function afterPack(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  const binary =
    electronPlatformName === 'darwin'
      ? path.join(appOutDir, `${name}.app`)
      : electronPlatformName === 'win32'
        ? path.join(appOutDir, `${name}.exe`)
        : path.join(appOutDir, packager.executableName);
  await flipFuses(binary, { version: FuseVersion.V1, resetAdHocDarwinSignature: electronPlatformName === 'darwin', ...wanted });
  const wire = await getCurrentFuseWire(binary);
  const wrong = Object.entries(wanted).filter(([fuse, on]) => (wire[fuse] === FuseState.ENABLE) !== on);
  if (wrong.length) throw new Error(`fuses did not take in ${binary}: ${wrong.map(([f]) => f).join(', ')}`);
  console.log(`fuses set and verified in ${binary}`);
};
