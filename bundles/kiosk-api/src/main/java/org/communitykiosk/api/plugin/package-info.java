/**
 * The plugin SPI: what a plugin contributes to the kiosk shell (tiles and views) and what a view may ask of the shell.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.communitykiosk.api.plugin;
