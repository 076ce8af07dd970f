/**
 * Values shared by the whole platform: who acts, what is wrong with an input, the kiosk's settings.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.communitykiosk.api;
