/**
 * The kiosk's plugin manager: which plugins (Karaf features named {@code kiosk-*}, except the platform's own) exist,
 * which are installed, and installing, upgrading and uninstalling them. Karaf's FeaturesService is the one
 * authoritative state; the console screen and the {@code kiosk:*} shell commands both go through this service.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.communitykiosk.plugins.api;
