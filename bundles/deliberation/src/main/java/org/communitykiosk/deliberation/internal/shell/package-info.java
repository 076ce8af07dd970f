/**
 * Karaf shell commands for technicians: {@code deliberation:verify}. Karaf scans the package named by the bundle's
 * {@code Karaf-Commands} header for {@code @Service} commands; without Karaf's shell the bundle works as before.
 */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "org.communitykiosk.deliberation.internal.shell")
package org.communitykiosk.deliberation.internal.shell;
