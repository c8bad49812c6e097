/** Recognising a CVAT dataset: the XML files whose root element is {@code <annotations>}. Private to the bundle. */
package io.datum.cvat.internal.detect;
