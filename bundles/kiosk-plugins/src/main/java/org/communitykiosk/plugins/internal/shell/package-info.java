/**
 * Karaf shell commands for technicians: {@code kiosk:plugins}, {@code kiosk:install}, {@code kiosk:uninstall},
 * {@code kiosk:backup}, and for enrolled devices {@code kiosk:devices}, {@code kiosk:device-code},
 * {@code kiosk:device-revoke}. Karaf scans the packages named by the bundle's {@code Karaf-Commands} header for
 * {@code @Service} classes (commands and completers) and injects their {@code @Reference} fields; this package is the
 * only one it needs to scan.
 */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "org.communitykiosk.plugins.internal.shell")
package org.communitykiosk.plugins.internal.shell;
