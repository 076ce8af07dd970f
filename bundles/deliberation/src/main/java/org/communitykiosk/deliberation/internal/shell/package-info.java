/**
 * Karaf shell commands for technicians: {@code deliberation:verify}. Karaf scans the package named by the bundle's
 * {@code Karaf-Commands} header for {@code @Service} commands; without Karaf's shell the bundle works as before.
 * <p>
 * Refusals print on standard output, like results: Karaf's {@code bin/client} in batch mode ({@code -b}, what scripts
 * and the README use) does not pass on what a command writes to standard error, so a refusal there said nothing.
 */
@org.osgi.annotation.bundle.Header(name = "Karaf-Commands", value = "org.communitykiosk.deliberation.internal.shell")
package org.communitykiosk.deliberation.internal.shell;
