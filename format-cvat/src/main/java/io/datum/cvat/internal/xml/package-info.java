/**
 * The byte-level XML layer: a hardened pull cursor over a UTF-8 scanner or a standard reader, the size
 * limits it enforces, and the choice of XML files in a folder. Private to the bundle.
 */
package io.datum.cvat.internal.xml;
