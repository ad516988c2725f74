/**
 * The embedded face engine: detection, landmarks, alignment and 128-d descriptors computed
 * offline with the face-api.js networks on DJL/PyTorch, and recognition of registered people.
 *
 * <p>Entry point: {@link dev.pvit.face.FaceEngine}. Descriptors are biometric data; the SDK never
 * logs them and writes them only where the application asks ({@link
 * dev.pvit.face.FaceGallery#save(java.nio.file.Path)}). Obtaining consent from the people
 * registered is the application's responsibility.
 */
@NullMarked
package dev.pvit.face;

import org.jspecify.annotations.NullMarked;
