// The Electron fuses MCP Lab ships with: flipped into the binary at package time (after-pack.cjs)
// and read back there, so a package with the wrong fuses never leaves the build.
'use strict';
const { FuseV1Options } = require('@electron/fuses');

module.exports = {
  /** The engine runs in a utilityProcess; nothing may turn the app binary into a plain Node. */
  [FuseV1Options.RunAsNode]: false,
  /** NODE_OPTIONS and --inspect would let anyone who can set an env variable run code inside the app. */
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  /** The app's code is read from its signed asar only, checked against its embedded hash. */
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  /** The UI is served from app://, never file://: file: needs no extra privileges. */
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};
