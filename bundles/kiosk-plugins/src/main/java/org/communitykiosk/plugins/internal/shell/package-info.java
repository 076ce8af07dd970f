/**
 * Karaf shell commands for technicians: {@code kiosk:plugins}, {@code kiosk:install}, {@code kiosk:uninstall},
 * {@code kiosk:import}, {@code kiosk:backup}, and for enrolled devices {@code kiosk:devices}, {@code kiosk:device-code},
 * {@code kiosk:device-revoke}. Karaf scans the packages named by the bundle's {@code Karaf-Commands} header for
 * {@code @Service} classes (commands and completers) and injects their {@code @Reference} fields; this package is the
 * only one it needs to scan.
 * <p>
 * Refusals print on standard output, like results: Karaf's {@code bin/client} in batch mode ({@code -b}, what scripts
 * and the README use) does not pass on what a command writes to standard error, so a refusal there said nothing.
 */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "org.communitykiosk.plugins.internal.shell")
package org.communitykiosk.plugins.internal.shell;
