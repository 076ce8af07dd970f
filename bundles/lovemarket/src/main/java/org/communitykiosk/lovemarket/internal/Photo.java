package org.communitykiosk.lovemarket.internal;

/**
 * An item's photo as stored: bytes that decoded as an image when staff uploaded them.
 *
 * @param mimeType {@code image/jpeg}, {@code image/png} or {@code image/gif}
 */
record Photo(String mimeType, byte[] bytes) {

    String fileExtension() {
        return mimeType.substring("image/".length());
    }
}
