/**
 * Limits on what a screen receives through an upload, enforced by the server while the bytes arrive
 * ({@link org.communitykiosk.api.upload.UploadLimit}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.communitykiosk.api.upload;
